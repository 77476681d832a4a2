package dev.questbench.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A slide deck made of an HTML file ({@code <section>} per slide) or a Markdown file (slides split by {@code ---}
 * lines): each slide becomes its own page (to be served beside the deck's file, so relative images load), laid
 * out at 1280×720 and scaled to fit whatever shows it.
 */
public record SlideDeck(List<String> pages, List<String> titles) {
    /** The slide size decks are designed at (16:9). */
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;

    private static final Pattern SECTION = Pattern.compile("<(/?)section\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEAD = Pattern.compile("<head[^>]*>(.*?)</head>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern HEADING = Pattern.compile("<h[1-6][^>]*>(.*?)</h[1-6]>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final String STAGE_CSS = "html,body{margin:0;height:100%;overflow:hidden;background:#111;}"
            + ".qb-stage{position:absolute;left:0;top:0;width:" + WIDTH + "px;height:" + HEIGHT + "px;"
            + "transform-origin:0 0;background:#fff;overflow:hidden;box-sizing:border-box;}"
            + ".qb-stage>section{width:100%;height:100%;box-sizing:border-box;}"
            + ".qb-md{padding:56px 72px;font:28px/1.4 sans-serif;color:#222;}"
            + ".qb-md h1{font-size:60px;margin:0 0 24px}.qb-md h2{font-size:44px;margin:0 0 20px}";
    private static final String FIT_SCRIPT = "<script>(function(){function fit(){var s=document.querySelector("
            + "'.qb-stage');var k=Math.min(window.innerWidth/" + WIDTH + ",window.innerHeight/" + HEIGHT + ");"
            + "s.style.transform='scale('+k+')';s.style.left=((window.innerWidth-" + WIDTH + "*k)/2)+'px';"
            + "s.style.top=((window.innerHeight-" + HEIGHT + "*k)/2)+'px';}window.addEventListener('resize',fit);"
            + "fit();})();</script>";

    public SlideDeck {
        pages = List.copyOf(pages);
        titles = List.copyOf(titles);
    }

    public int size() {
        return pages.size();
    }

    /** Whether a file looks like a deck by itself: several top-level sections, or a Markdown deck by name. */
    public static boolean looksLikeDeck(String fileName, String text) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (FileKind.byName(name) == FileKind.HTML) {
            return htmlSections(text).size() >= 2;
        }
        boolean named = name.contains("slide") || name.contains("deck") || name.contains("presentation")
                || text.startsWith("---\nmarp: true") || text.startsWith("---\nslides: true");
        return named && markdownSlides(text).size() >= 2;
    }

    /** The deck in an HTML file: its head (styles, scripts) is shared by every slide. */
    public static SlideDeck fromHtml(String html) {
        Matcher head = HEAD.matcher(html);
        String shared = head.find() ? head.group(1) : "";
        List<String> pages = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (String section : htmlSections(html)) {
            pages.add(page(shared, section));
            titles.add(titleOf(section, titles.size() + 1));
        }
        return new SlideDeck(pages, titles);
    }

    /** The deck in a Markdown file, each part rendered by {@code renderer}. */
    public static SlideDeck fromMarkdown(String markdown, MarkdownRenderer renderer) {
        List<String> pages = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (String slide : markdownSlides(markdown)) {
            String body = renderer.toHtml(slide);
            pages.add(page("", "<section class=\"qb-md\">" + body + "</section>"));
            titles.add(titleOf(body, titles.size() + 1));
        }
        return new SlideDeck(pages, titles);
    }

    /** The top-level {@code <section>} elements, outermost only. */
    static List<String> htmlSections(String html) {
        List<String> sections = new ArrayList<>();
        Matcher tag = SECTION.matcher(html);
        int depth = 0;
        int start = -1;
        while (tag.find()) {
            if (tag.group(1).isEmpty()) {
                if (depth++ == 0) {
                    start = tag.start();
                }
            } else if (depth > 0 && --depth == 0) {
                sections.add(html.substring(start, tag.end()));
            }
        }
        return sections;
    }

    /** Parts between {@code ---} lines outside code fences; front matter is skipped, empty parts dropped. */
    static List<String> markdownSlides(String markdown) {
        List<String> lines = markdown.replace("\r\n", "\n").lines().toList();
        int from = 0;
        if (!lines.isEmpty() && lines.get(0).strip().equals("---")) {
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).strip().equals("---")) {
                    from = i + 1;
                    break;
                }
            }
        }
        List<String> slides = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean fenced = false;
        for (String line : lines.subList(from, lines.size())) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
            }
            if (!fenced && line.strip().equals("---")) {
                add(slides, current);
            } else {
                current.append(line).append('\n');
            }
        }
        add(slides, current);
        return slides;
    }

    private static void add(List<String> slides, StringBuilder current) {
        if (!current.toString().isBlank()) {
            slides.add(current.toString());
        }
        current.setLength(0);
    }

    private static String page(String sharedHead, String section) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + sharedHead + "<style>"
                + STAGE_CSS + "</style></head><body><div class=\"qb-stage\">" + section + "</div>" + FIT_SCRIPT
                + "</body></html>";
    }

    private static String titleOf(String html, int number) {
        Matcher heading = HEADING.matcher(html);
        String text = heading.find() ? TAG.matcher(heading.group(1)).replaceAll("").strip() : "";
        return text.isEmpty() ? "Slide " + number : text;
    }
}
