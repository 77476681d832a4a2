package dev.questbench.app;

/** The text {@code questbench --help} prints. */
final class Usage {
    private Usage() {
    }

    static String text() {
        return """
                Questbench %s: delegate multi-step work to AI agents. Define the goal. Review the result.

                Usage:
                  questbench [options]              open the desktop app (the default)
                  questbench run [options] ...      run one quest without a window (not available yet)
                  questbench serve [options] ...    start the local agent server (not available yet)

                Options:
                  --data-dir DIR       keep quests, events and blobs in DIR (also --data-dir=DIR)
                  --startup-metrics    print the time from process start to the first frame
                  --version            print the version and exit
                  -h, --help           print this help and exit

                Data directory (the first that applies):
                  1. --data-dir DIR
                  2. $QUESTBENCH_HOME
                  3. Linux:   $XDG_DATA_HOME/questbench, or ~/.local/share/questbench
                     macOS:   ~/Library/Application Support/Questbench
                     Windows: %%APPDATA%%\\Questbench
                  It holds questbench.db (the SQLite store) and blobs/ (large payloads).

                Environment:
                  QUESTBENCH_HOME      the data directory, when --data-dir is not given
                  XDG_DATA_HOME        on Linux, the parent of the default data directory

                Exit status: 0 on success, 1 on failure, 2 for a command line to correct or a mode not
                available yet.
                """.formatted(Version.current());
    }
}
