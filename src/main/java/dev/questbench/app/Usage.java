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
                  questbench run [options] PROMPT   run one quest without a window and print the reply
                  questbench serve [options]        start the local agent server (Cloud Agents API, /webhook)

                Options:
                  --data-dir DIR       keep quests, events and blobs in DIR (also --data-dir=DIR)
                  --startup-metrics    print the time from process start to the first frame
                  --self-test          open the window once on a temporary store, check it rendered, exit
                  --cds-archive        (installed app) write the start-up archive for this folder, exit
                  --version            print the version and exit
                  -h, --help           print this help and exit

                Run options (questbench run):
                  --workspace DIR      the folder the agent works in (default: the current folder)
                  --provider NAME      a model provider from Settings → Models or the environment
                  --base-url URL       an OpenAI-compatible endpoint instead (with --model)
                  --model M            the model id
                  --permission-mode M  default | acceptEdits | plan | bypassPermissions
                  --output FORMAT      text (the reply) or stream-json (one JSON event per line)
                  PROMPT               the task; - reads it from stdin
                  Exit status: 0 when the turn ends, 2 when an approval or answer is needed, 1 on error.

                Serve options (questbench serve; also --provider, --base-url, --model, --permission-mode):
                  --host HOST          the address to listen on (default 127.0.0.1; others print a warning)
                  --port N             the first port to try (default 6666; the next free one is taken)
                  --token TOKEN        the bearer token for this run (default: the stored one, created on
                                       first start in secrets.json and shown in Settings → Server)
                  The start-up line prints the base URL and where the token is kept; Ctrl+C stops.

                Data directory (the first that applies):
                  1. --data-dir DIR
                  2. $QUESTBENCH_HOME
                  3. Linux:   $XDG_DATA_HOME/questbench, or ~/.local/share/questbench
                     macOS:   ~/Library/Application Support/Questbench
                     Windows: %%APPDATA%%\\Questbench
                  It holds questbench.db (the SQLite store), blobs/ (large payloads), secrets.json (keys and
                  the server token, owner-only) and scratch/ (folders of quests without a workspace).

                Environment:
                  QUESTBENCH_HOME      the data directory, when --data-dir is not given
                  XDG_DATA_HOME        on Linux, the parent of the default data directory
                  OPENAI_API_KEY       an OpenAI key (provider "openai"); OPENAI_BASE_URL another endpoint
                  ANTHROPIC_API_KEY    an Anthropic key (provider "anthropic")
                  OLLAMA_HOST          where Ollama listens (default localhost:11434, used when nothing
                                       else is configured)

                Exit status: 0 on success, 1 on failure, 2 for a command line to correct.
                """.formatted(Version.current());
    }
}
