package dev.questbench.agent.builtin.tools;

import java.util.List;
import java.util.regex.Pattern;

/** Grep's parameters, checked and with their defaults applied. */
record GrepRequest(Pattern regex, String path, String glob, List<String> typeEndings, String mode, int before,
                   int after, boolean lineNumbers, long headLimit, long offset, boolean multiline) {

    static GrepRequest parse(ToolInput in) throws ToolException {
        String pattern = in.requiredString("pattern");
        if (pattern.isEmpty()) {
            throw new ToolException("Parameter 'pattern' is empty; give a regular expression to search for.");
        }
        String mode = in.string("output_mode").orElse("files_with_matches").trim();
        if (!List.of("files_with_matches", "content", "count").contains(mode)) {
            throw new ToolException("Parameter 'output_mode' must be content, files_with_matches or count, not '"
                    + mode + "'.");
        }
        boolean multiline = in.flag("multiline", false);
        Pattern regex = GrepTool.compile(pattern, in.flag("-i", false), multiline);
        int both = context(in, "-C", in.integerAtLeast("context", 0).orElse(0L).intValue());
        int before = context(in, "-B", both);
        int after = context(in, "-A", both);
        String glob = in.string("glob").map(String::trim).filter(g -> !g.isEmpty()).orElse(null);
        String type = in.string("type").map(String::trim).filter(t -> !t.isEmpty()).orElse(null);
        boolean content = mode.equals("content");
        return new GrepRequest(regex, in.string("path").filter(p -> !p.isBlank()).orElse("."), glob,
                type == null ? null : FileTypes.endings(type), mode, content ? before : 0, content ? after : 0,
                in.flag("-n", true), in.integerAtLeast("head_limit", 0).filter(n -> n > 0).orElse(Long.MAX_VALUE),
                in.integerAtLeast("offset", 0).orElse(0L), multiline);
    }

    private static int context(ToolInput in, String name, int fallback) throws ToolException {
        return (int) Math.min(in.integerAtLeast(name, 0).orElse((long) fallback), 1000);
    }
}
