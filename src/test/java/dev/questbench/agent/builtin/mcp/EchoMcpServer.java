package dev.questbench.agent.builtin.mcp;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stdio MCP server for tests, run as its own process: {@code echo} returns its text (with the pid and how often
 * it was initialized), {@code crash} ends the process without answering; two resources, one text and one binary.
 * Uses no libraries so it starts from the test classes alone.
 */
public final class EchoMcpServer {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern METHOD = Pattern.compile("\"method\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TEXT = Pattern.compile("\"text\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern URI = Pattern.compile("\"uri\"\\s*:\\s*\"([^\"]*)\"");

    private EchoMcpServer() {
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        int initialized = 0;
        while ((line = in.readLine()) != null) {
            String method = find(METHOD, line);
            String id = find(ID, line);
            if (id == null) {
                continue; // a notification
            }
            String result = switch (method) {
                case "initialize" -> {
                    initialized++;
                    yield "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{\"tools\":{},\"resources\":{}},"
                            + "\"serverInfo\":{\"name\":\"echo\",\"version\":\"1\"}}";
                }
                case "resources/list" -> "{\"resources\":[{\"uri\":\"echo://readme\",\"name\":\"README\","
                        + "\"mimeType\":\"text/plain\"},{\"uri\":\"echo://logo\",\"name\":\"Logo\","
                        + "\"mimeType\":\"image/png\"}]}";
                case "resources/read" -> "echo://logo".equals(find(URI, line))
                        ? "{\"contents\":[{\"uri\":\"echo://logo\",\"mimeType\":\"image/png\","
                                + "\"blob\":\"iVBORw0KGgo=\"}]}"
                        : "{\"contents\":[{\"uri\":\"" + find(URI, line) + "\",\"text\":\"Read me first.\"}]}";
                case "tools/list" -> "{\"tools\":[{\"name\":\"echo\",\"description\":\"Echoes text\",\"inputSchema\":"
                        + "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}}},\"annotations\":"
                        + "{\"readOnlyHint\":true}},{\"name\":\"crash\",\"description\":\"Ends the server\","
                        + "\"inputSchema\":{\"type\":\"object\"}}]}";
                case "tools/call" -> {
                    if ("crash".equals(find(NAME, line))) {
                        System.exit(3);
                    }
                    yield "{\"content\":[{\"type\":\"text\",\"text\":\"echo: " + find(TEXT, line) + " (pid "
                            + ProcessHandle.current().pid() + ", initialized " + initialized
                            + ")\"}],\"isError\":false}";
                }
                default -> null;
            };
            String reply = result == null
                    ? "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":-32601,\"message\":\"no " + method + "\"}}"
                    : "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + result + "}";
            System.out.println(reply);
            System.out.flush();
        }
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}
