package dev.questbench.preview;

import java.net.URL;

/**
 * The HTML the previews load: the Content-Security-Policy that keeps requests on this machine unless the network
 * is allowed, and generated pages with the preview's stylesheet and, when they have diagrams, the bundled Mermaid.
 */
public final class PreviewPage {
    private static final String MERMAID = "META-INF/resources/webjars/mermaid/%s/dist/mermaid.min.js";

    /**
     * Draws diagrams, and replaces a first part with the whole body from a URL of the same server keeping the scroll
     * position ({@code qbReplaceBody(url, y)}); {@code data-mermaid} and {@code data-complete} mark when each is done.
     */
    private static final String SCRIPT = "<script>function qbDiagrams(){if(!window.mermaid){return;}"
            + "mermaid.run({querySelector:'pre.mermaid:not([data-processed])'}).then(function(){"
            + "document.body.setAttribute('data-mermaid','done');}).catch(function(e){"
            + "document.body.setAttribute('data-mermaid','failed: '+e);});}"
            + "function qbReplaceBody(url,y){var x=new XMLHttpRequest();x.open('GET',url);x.onload=function(){"
            + "document.getElementById('qb-body').innerHTML=x.responseText;if(y!==null){window.scrollTo(0,y);}"
            + "document.body.setAttribute('data-complete','yes');qbDiagrams();};x.send();}</script>";

    private PreviewPage() {
    }

    /**
     * The policy: local files, inline code, data and blob URLs, and loopback servers; with {@code allowNetwork}
     * any host. Navigation is not covered by CSP; the view blocks leaving for another host itself. {@code 'self'}
     * is the {@link PreviewServer} the pages come from.
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

    /** A whole page around a rendered body, with the given stylesheet text and Mermaid when a URL is given. */
    public static String document(String title, String body, String css, String mermaidUrl) {
        StringBuilder page = new StringBuilder(body.length() + css.length() + 512);
        page.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(Html.escape(title))
                .append("</title><style>").append(css).append("</style>");
        if (mermaidUrl != null) {
            page.append("<script src=\"").append(Html.escape(mermaidUrl)).append("\"></script>");
        }
        page.append("</head><body class=\"markdown-body\"><div id=\"qb-body\">").append(body).append("</div>")
                .append(SCRIPT);
        if (mermaidUrl != null) {
            page.append("<script>mermaid.initialize({startOnLoad:false, securityLevel:'strict'});qbDiagrams();</script>");
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
