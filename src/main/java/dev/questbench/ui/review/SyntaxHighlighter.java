package dev.questbench.ui.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A small hand lexer that turns lines of source into style spans ({@code keyword}, {@code string}, {@code comment},
 * {@code number}, {@code type}, {@code tag}, {@code attribute}, {@code heading}, {@code variable}); plain Java, safe
 * off the FX thread. Block comments and triple-quoted strings carry over from line to line within one call.
 * Known limit: best effort, not a parser (no regex literals, no nested template strings, no heredocs).
 */
public final class SyntaxHighlighter {

    /** A styled range of one line, {@code start} inclusive, {@code end} exclusive. */
    public record Span(int start, int end, String style) {
    }

    /** The language families the lexer knows, picked from a file's name. */
    public enum Language { C_LIKE, PYTHON, SHELL, JSON, YAML, XML, MARKDOWN, CSS, SQL, PLAIN }

    private static final Set<String> C_KEYWORDS = Set.of("abstract", "as", "async", "await", "boolean", "break",
            "byte", "case", "catch", "char", "class", "const", "continue", "crate", "data", "def", "default", "defer",
            "delete", "do", "double", "else", "enum", "export", "extends", "extern", "false", "final", "finally",
            "float", "fn", "for", "from", "fun", "func", "function", "go", "goto", "if", "impl", "implements", "import",
            "in", "instanceof", "int", "interface", "is", "let", "long", "loop", "map", "match", "mod", "mut", "namespace",
            "new", "nil", "null", "object", "override", "package", "private", "protected", "pub", "public", "record",
            "return", "sealed", "select", "self", "short", "static", "struct", "super", "switch", "synchronized",
            "this", "throw", "throws", "trait", "true", "try", "type", "typeof", "undefined", "unsafe", "use", "val",
            "var", "void", "volatile", "when", "where", "while", "yield", "include", "define", "sizeof", "typedef",
            "unsigned", "signed", "chan", "range", "readonly", "keyof", "declare", "module", "string", "number");
    private static final Set<String> PY_KEYWORDS = Set.of("and", "as", "assert", "async", "await", "break", "class",
            "continue", "def", "del", "elif", "else", "except", "False", "finally", "for", "from", "global", "if",
            "import", "in", "is", "lambda", "None", "nonlocal", "not", "or", "pass", "raise", "return", "True", "try",
            "while", "with", "yield", "self", "match", "case");
    private static final Set<String> SH_KEYWORDS = Set.of("if", "then", "else", "elif", "fi", "for", "while", "until",
            "do", "done", "case", "esac", "in", "function", "return", "export", "local", "set", "echo", "exit", "cd",
            "source", "readonly", "shift", "trap");
    private static final Set<String> SQL_KEYWORDS = Set.of("select", "from", "where", "insert", "into", "values",
            "update", "set", "delete", "create", "table", "index", "drop", "alter", "add", "primary", "key", "foreign",
            "references", "not", "null", "and", "or", "join", "left", "right", "inner", "outer", "on", "group", "by",
            "order", "having", "limit", "offset", "as", "distinct", "union", "all", "if", "exists", "integer", "text",
            "varchar", "default", "unique", "begin", "commit", "case", "when", "then", "else", "end", "is", "in", "like");
    private static final Set<String> JSON_KEYWORDS = Set.of("true", "false", "null", "yes", "no", "on", "off", "~");

    private SyntaxHighlighter() {
    }

    /** The language for a path, by extension or well-known name; {@link Language#PLAIN} when unknown. */
    public static Language languageOf(String path) {
        if (path == null) {
            return Language.PLAIN;
        }
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.equals("dockerfile") || name.equals("makefile")) {
            return Language.SHELL;
        }
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return switch (ext) {
            case "java", "kt", "kts", "js", "mjs", "cjs", "jsx", "ts", "tsx", "go", "rs", "c", "h", "cc", "cpp", "cxx",
                 "hpp", "hh", "cs", "scala", "swift", "groovy", "gradle", "dart" -> Language.C_LIKE;
            case "py", "pyi" -> Language.PYTHON;
            case "sh", "bash", "zsh", "fish", "env", "properties", "toml", "ini", "cfg", "conf" -> Language.SHELL;
            case "json", "jsonc", "json5" -> Language.JSON;
            case "yml", "yaml" -> Language.YAML;
            case "xml", "html", "htm", "xhtml", "svg", "fxml", "pom", "vue" -> Language.XML;
            case "md", "markdown" -> Language.MARKDOWN;
            case "css", "scss", "less" -> Language.CSS;
            case "sql" -> Language.SQL;
            default -> Language.PLAIN;
        };
    }

    /** Spans for each line, in order; state (an open block comment or string) carries from one line to the next. */
    public static List<List<Span>> highlight(Language language, List<String> lines) {
        List<List<Span>> result = new ArrayList<>(lines.size());
        String open = null; // the closing delimiter of a construct still open at the end of the previous line
        for (String line : lines) {
            List<Span> spans = new ArrayList<>();
            open = switch (language) {
                case XML -> xml(line, open, spans);
                case MARKDOWN -> markdown(line, open, spans);
                case PLAIN -> null;
                default -> code(language, line, open, spans);
            };
            result.add(spans);
        }
        return result;
    }

    private static String code(Language lang, String s, String open, List<Span> out) {
        int i = 0;
        int n = s.length();
        if (open != null) {
            int close = s.indexOf(open);
            String style = open.equals("*/") ? "comment" : "string";
            if (close < 0) {
                out.add(new Span(0, n, style));
                return open;
            }
            i = close + open.length();
            out.add(new Span(0, i, style));
        }
        boolean lineStart = true;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (lineComment(lang, s, i)) {
                out.add(new Span(i, n, "comment"));
                return null;
            }
            if (lang != Language.PYTHON && lang != Language.SHELL && lang != Language.YAML && s.startsWith("/*", i)) {
                int close = s.indexOf("*/", i + 2);
                if (close < 0) {
                    out.add(new Span(i, n, "comment"));
                    return "*/";
                }
                out.add(new Span(i, close + 2, "comment"));
                i = close + 2;
                continue;
            }
            if (lang == Language.PYTHON && (s.startsWith("\"\"\"", i) || s.startsWith("'''", i))) {
                String quote = s.substring(i, i + 3);
                int close = s.indexOf(quote, i + 3);
                if (close < 0) {
                    out.add(new Span(i, n, "string"));
                    return quote;
                }
                out.add(new Span(i, close + 3, "string"));
                i = close + 3;
                continue;
            }
            if (c == '"' || c == '\'' || c == '`') {
                int end = stringEnd(s, i, c);
                boolean key = (lang == Language.JSON || lang == Language.YAML) && nextNonSpace(s, end) == ':';
                out.add(new Span(i, end, key ? "attribute" : "string"));
                i = end;
                continue;
            }
            if (Character.isDigit(c) || (c == '-' && i + 1 < n && Character.isDigit(s.charAt(i + 1)) && lang == Language.JSON)) {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '.' || s.charAt(end) == '_')) {
                    end++;
                }
                out.add(new Span(i, end, "number"));
                i = end;
                continue;
            }
            if (lang == Language.SHELL && c == '$') {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(s.charAt(end)) || "_{}".indexOf(s.charAt(end)) >= 0)) {
                    end++;
                }
                out.add(new Span(i, end, "variable"));
                i = end;
                continue;
            }
            if (Character.isJavaIdentifierStart(c) || (lang == Language.CSS && c == '-')) {
                int end = i + 1;
                while (end < n && (Character.isJavaIdentifierPart(s.charAt(end)) || (s.charAt(end) == '-'
                        && (lang == Language.CSS || lang == Language.YAML)))) {
                    end++;
                }
                String word = s.substring(i, end);
                String style = wordStyle(lang, word, lineStart, nextNonSpace(s, end));
                if (style != null) {
                    out.add(new Span(i, end, style));
                }
                i = end;
                lineStart = false;
                continue;
            }
            if (c == '@' && lang == Language.C_LIKE) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(s.charAt(end))) {
                    end++;
                }
                out.add(new Span(i, end, "type"));
                i = end;
                continue;
            }
            lineStart = false;
            i++;
        }
        return null;
    }

    private static String wordStyle(Language lang, String word, boolean lineStart, char next) {
        return switch (lang) {
            case C_LIKE -> C_KEYWORDS.contains(word) ? "keyword"
                    : Character.isUpperCase(word.charAt(0)) ? "type" : null;
            case PYTHON -> PY_KEYWORDS.contains(word) ? "keyword"
                    : Character.isUpperCase(word.charAt(0)) ? "type" : null;
            case SHELL -> SH_KEYWORDS.contains(word) ? "keyword" : null;
            case SQL -> SQL_KEYWORDS.contains(word.toLowerCase(Locale.ROOT)) ? "keyword" : null;
            case JSON -> JSON_KEYWORDS.contains(word) ? "keyword" : null;
            case YAML -> next == ':' ? "attribute" : JSON_KEYWORDS.contains(word) ? "keyword" : null;
            case CSS -> next == ':' && !lineStart ? "attribute" : next == ':' ? "attribute" : null;
            default -> null;
        };
    }

    private static boolean lineComment(Language lang, String s, int i) {
        return switch (lang) {
            case C_LIKE -> s.startsWith("//", i);
            case PYTHON, SHELL, YAML -> s.charAt(i) == '#' && (i == 0 || Character.isWhitespace(s.charAt(i - 1)));
            case SQL -> s.startsWith("--", i);
            case JSON -> s.startsWith("//", i);
            default -> false;
        };
    }

    private static int stringEnd(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    private static char nextNonSpace(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return s.charAt(i);
            }
        }
        return 0;
    }

    private static String xml(String s, String open, List<Span> out) {
        int i = 0;
        int n = s.length();
        if ("-->".equals(open)) {
            int close = s.indexOf("-->");
            if (close < 0) {
                out.add(new Span(0, n, "comment"));
                return open;
            }
            out.add(new Span(0, close + 3, "comment"));
            i = close + 3;
        }
        boolean inTag = ">".equals(open);
        while (i < n) {
            char c = s.charAt(i);
            if (!inTag && s.startsWith("<!--", i)) {
                int close = s.indexOf("-->", i + 4);
                if (close < 0) {
                    out.add(new Span(i, n, "comment"));
                    return "-->";
                }
                out.add(new Span(i, close + 3, "comment"));
                i = close + 3;
            } else if (!inTag && c == '<') {
                int end = i + 1;
                while (end < n && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != '>') {
                    end++;
                }
                out.add(new Span(i, end, "tag"));
                inTag = true;
                i = end;
            } else if (inTag && c == '>' || inTag && s.startsWith("/>", i)) {
                int end = c == '>' ? i + 1 : i + 2;
                out.add(new Span(i, end, "tag"));
                inTag = false;
                i = end;
            } else if (inTag && (c == '"' || c == '\'')) {
                int end = stringEnd(s, i, c);
                out.add(new Span(i, end, "string"));
                i = end;
            } else if (inTag && Character.isLetter(c)) {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(s.charAt(end)) || ":-_".indexOf(s.charAt(end)) >= 0)) {
                    end++;
                }
                out.add(new Span(i, end, "attribute"));
                i = end;
            } else {
                i++;
            }
        }
        return inTag ? ">" : null;
    }

    private static String markdown(String s, String open, List<Span> out) {
        boolean fence = s.stripLeading().startsWith("```");
        if ("```".equals(open)) {
            out.add(new Span(0, s.length(), "string"));
            return fence ? null : open;
        }
        if (fence) {
            out.add(new Span(0, s.length(), "string"));
            return "```";
        }
        if (s.startsWith("#")) {
            out.add(new Span(0, s.length(), "heading"));
            return null;
        }
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '`') {
                int close = s.indexOf('`', i + 1);
                int end = close < 0 ? s.length() : close + 1;
                out.add(new Span(i, end, "string"));
                i = end;
            } else if (c == '[') {
                int close = s.indexOf(']', i);
                int end = close < 0 ? s.length() : close + 1;
                out.add(new Span(i, end, "attribute"));
                i = end;
            } else if (s.startsWith("**", i)) {
                int close = s.indexOf("**", i + 2);
                int end = close < 0 ? s.length() : close + 2;
                out.add(new Span(i, end, "keyword"));
                i = end;
            } else {
                i++;
            }
        }
        String trimmed = s.stripLeading();
        if (trimmed.startsWith("- ") || trimmed.startsWith("* ") || trimmed.startsWith("> ")) {
            int at = s.length() - trimmed.length();
            out.add(0, new Span(at, at + 1, "keyword"));
        }
        return null;
    }
}
