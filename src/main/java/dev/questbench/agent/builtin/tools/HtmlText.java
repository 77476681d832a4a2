package dev.questbench.agent.builtin.tools;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an HTML page into readable plain text: scripts, styles and comments dropped, block elements on their own
 * lines, headings and list items marked, links kept as {@code text (href)}, entities decoded, whitespace collapsed.
 * Known limit: a regex pass, not a parser; pre-formatted blocks lose their indentation.
 */
final class HtmlText {
    private static final Pattern DROPPED = Pattern.compile(
            "(?is)<!--.*?-->|<(script|style|noscript|template|svg|head)\\b[^>]*>.*?</\\1\\s*>");
    private static final Pattern TITLE = Pattern.compile("(?is)<title\\b[^>]*>(.*?)</title\\s*>");
    private static final Pattern LINK = Pattern.compile(
            "(?is)<a\\b[^>]*?href\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)[^>]*>(.{0,4000}?)</a\\s*>");
    private static final Pattern HEADING = Pattern.compile("(?i)<h([1-6])\\b[^>]*>");
    private static final Pattern LIST_ITEM = Pattern.compile("(?i)<li\\b[^>]*>");
    private static final Pattern BLOCK = Pattern.compile(
            "(?i)</?(p|div|br|hr|tr|table|section|article|header|footer|nav|main|aside|blockquote|pre|ul|ol|dl|dt|dd"
                    + "|h[1-6]|form|figure|figcaption)\\b[^>]*>");
    private static final Pattern CELL = Pattern.compile("(?i)</t[dh]\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile(
            "&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,10});");
    private static final Map<String, String> NAMED = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"),
            Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", " "),
            Map.entry("mdash", "—"), Map.entry("ndash", "–"), Map.entry("hellip", "…"), Map.entry("copy", "©"),
            Map.entry("reg", "®"), Map.entry("trade", "™"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"),
            Map.entry("ldquo", "“"), Map.entry("rdquo", "”"), Map.entry("laquo", "«"), Map.entry("raquo", "»"),
            Map.entry("middot", "·"), Map.entry("bull", "•"), Map.entry("times", "×"), Map.entry("euro", "€"));

    private HtmlText() {
    }

    static String toText(String html) {
        Matcher title = TITLE.matcher(html);
        String heading = title.find() ? collapse(decode(TAG.matcher(title.group(1)).replaceAll(""))) : "";
        String text = DROPPED.matcher(html).replaceAll(" ");
        text = replace(LINK, text, m -> link(m.group(1), m.group(2)));
        text = replace(HEADING, text, m -> "\n\n" + "#".repeat(Integer.parseInt(m.group(1))) + " ");
        text = LIST_ITEM.matcher(text).replaceAll("\n- ");
        text = CELL.matcher(text).replaceAll(" | ");
        text = BLOCK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = collapse(decode(text));
        boolean repeated = text.startsWith(heading) || text.startsWith("# " + heading);
        return heading.isEmpty() || repeated ? text : heading + "\n\n" + text;
    }

    private static String link(String quotedHref, String inner) {
        String href = quotedHref.replaceAll("^[\"']|[\"']$", "").trim();
        String label = TAG.matcher(inner).replaceAll("").trim();
        String lower = href.toLowerCase(Locale.ROOT);
        if (href.isEmpty() || href.startsWith("#") || lower.startsWith("javascript:") || label.isEmpty()
                || label.equals(href)) {
            return inner;
        }
        return inner + " (" + href + ")";
    }

    private static String decode(String text) {
        return replace(ENTITY, text, m -> {
            String name = m.group(1);
            if (name.startsWith("#")) {
                try {
                    int code = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                            ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                    return Character.isValidCodePoint(code) && code != 0 ? Character.toString(code) : "\uFFFD";
                } catch (NumberFormatException e) {
                    return m.group();
                }
            }
            return NAMED.getOrDefault(name, NAMED.getOrDefault(name.toLowerCase(Locale.ROOT), m.group()));
        });
    }

    // Spaces collapsed within lines, blank lines at most one in a row.
    private static String collapse(String text) {
        StringBuilder out = new StringBuilder();
        int blank = 0;
        for (String line : text.split("\n", -1)) {
            String tidy = line.replaceAll("[ \\t\\x0B\\f\\r\\u00A0]+", " ").trim();
            if (tidy.isEmpty() || tidy.equals("|")) {
                blank++;
                continue;
            }
            if (out.length() > 0) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            out.append(tidy);
            blank = 0;
        }
        return out.toString();
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> with) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(with.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
