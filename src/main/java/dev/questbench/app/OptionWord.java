package dev.questbench.app;

/**
 * One command-line word split as {@code --name=value} (value inline) or kept whole ({@code --name}, value null).
 */
record OptionWord(String name, String value) {
    static OptionWord of(String arg) {
        int equals = arg.indexOf('=');
        return arg.startsWith("--") && equals > 0 ? new OptionWord(arg.substring(0, equals), arg.substring(equals + 1))
                : new OptionWord(arg, null);
    }
}
