package dev.questbench.preview;

import java.net.URL;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the HTML documents the previews load: a base URL at the file's folder (relative CSS, scripts and images
 * load), a Content-Security-Policy that keeps requests on this machine unless the network is allowed, the preview's
 * stylesheet, and the bundled Mermaid script when a page has diagrams.
 */
public final class PreviewPage {
    private static final String MERMAID = "META-INF/resources/webjars/mermaid/%s/dist/mermaid.min.js";
    private static final Pattern HEAD = Pattern.compile("<head(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_TAG = Pattern.compile("<html(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);

    private PreviewPage() {
    }

    /**
     * The policy: local files, inline code, data and blob URLs, and loopback servers; with {@code allowNetwork}
     * any host. Navigation is not covered by CSP; the view blocks leaving for another host itself.
     */
    public static String contentSecurityPolicy(boolean allowNetwork) {
        String sources = allowNetwork ? "* file: jar: data: blob: 'unsafe-inline' 'unsafe-eval'"
                : "'self' file: jar: data: blob: 'unsafe-inline' 'unsafe-eval' http://localhost:* "
                        + "http://127.0.0.1:* https://localhost:* https://127.0.0.1:* ws://localhost:* "
                        + "ws://127.0.0.1:*";
        return "default-src " + sources + "; connect-src " + sources + "; img-src " + sources + "; style-src "
                + sources + "; script-src " + sources + "; font-src " + sources + "; media-src " + sources
                + "; frame-src " + sources;
    }

    /** The head tags every preview gets: charset, base URL and the policy. */
    public static String headTags(Path folder, boolean allowNetwork) {
        String base = folder.toUri().toString();
        return "<meta charset=\"utf-8\"><base href=\"" + Html.escape(base) + "\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\""
                + Html.escape(contentSecurityPolicy(allowNetwork)) + "\">";
    }

    /** A user's HTML file with the head tags put first in its head (a head is made when it has none). */
    public static String wrapHtml(String html, Path folder, boolean allowNetwork) {
        String tags = headTags(folder, allowNetwork);
        Matcher head = HEAD.matcher(html);
        if (head.find()) {
            return html.substring(0, head.end()) + tags + html.substring(head.end());
        }
        Matcher root = HTML_TAG.matcher(html);
        if (root.find()) {
            return html.substring(0, root.end()) + "<head>" + tags + "</head>" + html.substring(root.end());
        }
        return "<!DOCTYPE html><html><head>" + tags + "</head><body>" + html + "</body></html>";
    }

    /** A whole page around a rendered body, with the given stylesheet text and Mermaid when it has diagrams. */
    public static String document(String title, String body, Path folder, String css, boolean mermaid) {
        StringBuilder page = new StringBuilder(body.length() + css.length() + 512);
        page.append("<!DOCTYPE html><html><head>").append(headTags(folder, false)).append("<title>")
                .append(Html.escape(title)).append("</title><style>").append(css).append("</style>");
        URL script = mermaid ? mermaidScript() : null;
        if (script != null) {
            page.append("<script src=\"").append(Html.escape(script.toExternalForm())).append("\"></script>");
        }
        page.append("</head><body class=\"markdown-body\">").append(body);
        if (script != null) {
            page.append("<script>mermaid.initialize({startOnLoad:false, securityLevel:'strict'});"
                    + "mermaid.run({querySelector:'pre.mermaid'}).then(function(){document.body.setAttribute("
                    + "'data-mermaid','done');}).catch(function(e){document.body.setAttribute('data-mermaid',"
                    + "'failed: '+e);});</script>");
        }
        return page.append("</body></html>").toString();
    }

    /** The bundled Mermaid script inside its WebJar, or null when the jar is not on the class path. */
    public static URL mermaidScript() {
        java.util.Properties properties = new java.util.Properties();
        try (var in = PreviewPage.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/mermaid/pom.properties")) {
            if (in == null) {
                return null;
            }
            properties.load(in);
        } catch (java.io.IOException e) {
            return null;
        }
        return PreviewPage.class.getClassLoader().getResource(String.format(MERMAID,
                properties.getProperty("version")));
    }
}
