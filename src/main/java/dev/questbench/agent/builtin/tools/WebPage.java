package dev.questbench.agent.builtin.tools;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Response;

/** Turns an HTTP response into WebFetch's result: a short header, then the body as readable text, capped. */
final class WebPage {
    private WebPage() {
    }

    static ToolOutput read(Response response, HttpUrl requested, ToolLimits limits,
                           Function<byte[], String> blobs) throws IOException {
        MediaType type = response.body().contentType();
        byte[] body;
        try (InputStream stream = response.body().byteStream()) {
            body = stream.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.webFetchMaxBytes() + 1));
        }
        boolean cut = body.length > limits.webFetchMaxBytes();
        if (cut) {
            body = Arrays.copyOf(body, (int) limits.webFetchMaxBytes());
        }
        HttpUrl finalUrl = response.request().url();
        StringBuilder header = new StringBuilder("URL: ").append(requested).append('\n');
        if (!finalUrl.equals(requested)) {
            header.append("Redirected to: ").append(finalUrl).append('\n');
        }
        header.append("Status: ").append(response.code()).append(response.message().isEmpty() ? "" : " "
                + response.message()).append('\n');
        header.append("Content-Type: ").append(type == null ? "(none)" : type.toString()).append('\n');
        boolean failed = response.code() >= 400;
        if (!textual(type, body)) {
            return new ToolOutput(header + "\nThe response is binary (" + Sizes.bytes(body.length) + (cut
                    ? " or more" : "") + "); WebFetch returns text, HTML, JSON and XML only.", failed, null, List.of());
        }
        Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
        String raw = new String(body, charset);
        String text = html(type, raw) ? HtmlText.toText(raw) : raw;
        if (cut) {
            text += "\n\n(The response is larger than " + Sizes.readable(limits.webFetchMaxBytes())
                    + "; only its beginning was read.)";
        }
        CappedText.Result shown = CappedText.head(text, Math.max(200, limits.outputMaxChars() - header.length()),
                blobs);
        return new ToolOutput(header + "\n" + shown.text(), failed, shown.blobRef(), List.of());
    }

    private static boolean textual(MediaType type, byte[] body) {
        if (type == null) {
            return !FileKind.sniff(body, Math.min(body.length, FileKind.SNIFF_BYTES), "").binary();
        }
        String subtype = type.subtype().toLowerCase(Locale.ROOT);
        return type.type().equalsIgnoreCase("text") || subtype.endsWith("json") || subtype.endsWith("xml")
                || subtype.contains("javascript") || subtype.equals("x-www-form-urlencoded")
                || subtype.equals("yaml") || subtype.equals("x-yaml") || subtype.equals("toml");
    }

    private static boolean html(MediaType type, String raw) {
        if (type != null) {
            String subtype = type.subtype().toLowerCase(Locale.ROOT);
            return subtype.equals("html") || subtype.equals("xhtml+xml");
        }
        String start = raw.stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }
}
