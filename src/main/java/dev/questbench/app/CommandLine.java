package dev.questbench.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the user asked for on the command line: a mode, the global options, and the mode's own arguments.
 *
 * <p>Global options are recognised anywhere. After {@code run} or {@code serve}, anything else (their own
 * options and arguments, defined by the issues that build them) is kept in {@link #modeArgs()}.
 *
 * @param dataDir the {@code --data-dir} value, or {@code null} when not given
 */
public record CommandLine(Mode mode, String dataDir, boolean startupMetrics, boolean help, boolean version,
                          List<String> modeArgs, boolean selfTest, boolean cdsArchive) {
    /** Without --self-test and --cds-archive. */
    public CommandLine(Mode mode, String dataDir, boolean startupMetrics, boolean help, boolean version,
                       List<String> modeArgs) {
        this(mode, dataDir, startupMetrics, help, version, modeArgs, false, false);
    }


    /** How Questbench runs: the desktop window (the default) or one of the headless sub-commands. */
    public enum Mode {
        DESKTOP, RUN, SERVE;

        /** The word typed on the command line ({@code run}, {@code serve}); the desktop mode has none. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CommandLine {
        modeArgs = List.copyOf(modeArgs);
    }

    /** Parses {@code args}; throws {@link UsageException} with a message meant for the user. */
    public static CommandLine parse(String... args) {
        Mode mode = Mode.DESKTOP;
        String dataDir = null;
        boolean startupMetrics = false;
        boolean help = false;
        boolean version = false;
        boolean selfTest = false;
        boolean cdsArchive = false;
        List<String> modeArgs = new ArrayList<>();
        boolean optionsEnded = false;

        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                if (mode == Mode.DESKTOP && (arg.equals("run") || arg.equals("serve"))) {
                    mode = Mode.valueOf(arg.toUpperCase(Locale.ROOT));
                } else if (mode != Mode.DESKTOP) {
                    modeArgs.add(arg);
                } else {
                    throw new UsageException("Unknown command '" + arg
                            + "'. Commands are 'run' and 'serve'; with none, the desktop app opens.");
                }
                continue;
            }
            switch (arg) {
                case "--" -> optionsEnded = true;
                case "-h", "--help" -> help = true;
                case "--version" -> version = true;
                case "--startup-metrics" -> startupMetrics = true;
                case "--self-test" -> selfTest = true;
                case "--cds-archive" -> cdsArchive = true;
                case "--data-dir" -> {
                    if (i + 1 >= args.length) {
                        throw new UsageException("--data-dir needs a folder, e.g. --data-dir ~/questbench-data.");
                    }
                    dataDir = dataDir(dataDir, args[++i]);
                }
                default -> {
                    if (arg.startsWith("--data-dir=")) {
                        dataDir = dataDir(dataDir, arg.substring("--data-dir=".length()));
                    } else if (mode != Mode.DESKTOP) {
                        modeArgs.add(arg);
                    } else {
                        throw new UsageException("Unknown option '" + arg + "'.");
                    }
                }
            }
        }
        return new CommandLine(mode, dataDir, startupMetrics, help, version, modeArgs, selfTest, cdsArchive);
    }

    private static String dataDir(String previous, String value) {
        if (previous != null) {
            throw new UsageException("--data-dir is given twice ('" + previous + "' and '" + value + "'); give it once.");
        }
        if (value.isBlank() || value.startsWith("-")) {
            throw new UsageException("--data-dir needs a folder, e.g. --data-dir ~/questbench-data"
                    + (value.isBlank() ? "." : ", not '" + value + "'."));
        }
        return value;
    }

    /** A command line the user has to correct; the message says what is wrong. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }
}
