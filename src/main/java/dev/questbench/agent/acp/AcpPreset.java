package dev.questbench.agent.acp;

import java.util.List;
import java.util.Map;

/**
 * How to start one ACP agent: the command and its arguments, extra environment variables and the folder it starts
 * in (null: the quest's folder).
 */
public record AcpPreset(String name, String command, List<String> args, Map<String, String> env,
                        String workingDirectory) {
    public AcpPreset {
        name = name == null ? "" : name.strip();
        command = command == null ? "" : command.strip();
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? Map.of() : Map.copyOf(env);
        workingDirectory = workingDirectory == null || workingDirectory.isBlank() ? null : workingDirectory;
    }

    public AcpPreset(String name, String command, List<String> args) {
        this(name, command, args, Map.of(), null);
    }

    /** The command line as one would type it. */
    public String commandLine() {
        StringBuilder line = new StringBuilder(command);
        for (String arg : args) {
            line.append(' ').append(arg.contains(" ") ? "'" + arg + "'" : arg);
        }
        return line.toString();
    }

    /** The command line shortened for messages (a long class path says nothing). */
    public String shortCommandLine() {
        String line = commandLine();
        return line.length() <= 120 ? line : line.substring(0, 80) + " … " + line.substring(line.length() - 36);
    }

    /**
     * Splits a command line typed as one string ({@code --acp 'npx @zed-industries/claude-code-acp'}) into
     * command and arguments; single and double quotes group words.
     */
    public static AcpPreset parse(String name, String commandLine) {
        List<String> words = new java.util.ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : commandLine.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("The agent command is empty; give the program to start, e.g. "
                    + "'qodercli --acp'.");
        }
        return new AcpPreset(name, words.get(0), words.subList(1, words.size()));
    }
}
