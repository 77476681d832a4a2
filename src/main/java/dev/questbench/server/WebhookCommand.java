package dev.questbench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt template served as {@code POST /webhook/{name}}: its arguments are checked like the Qodo webhook server
 * checks a command's (types, required unless {@code required:false}, defaults, enums), then fill {@code {{name}}}
 * placeholders in the prompt.
 */
record WebhookCommand(String name, String description, String prompt, List<Argument> arguments) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    /** One argument: type is string, number, boolean, array or object. */
    record Argument(String name, String type, String description, boolean required, JsonNode defaultValue,
                    List<String> allowed) {
    }

    /** The templates offered when the settings define none. */
    static List<WebhookCommand> defaults() {
        Argument workspace = new Argument("workspace", "string", "the folder to work in (default: a scratch "
                + "folder)", false, null, List.of());
        return List.of(
                new WebhookCommand("review", "Review a change and report findings", """
                        Review {{pr}} in this repository: read the changed files, then report what is wrong or \
                        risky. Reply with a JSON object {"summary": "...", "findings": [{"finding_title": "...", \
                        "severity_level": "breaking-issue" or "concern", "file_path": "...", "reason": "...", \
                        "recommended_fix": "..."}]} and nothing else. Do not change any file.""",
                        List.of(new Argument("pr", "string", "what to review: a branch, a commit range or a PR "
                                + "reference", true, null, List.of()), workspace)),
                new WebhookCommand("ask", "Do what the prompt says", "{{prompt}}",
                        List.of(new Argument("prompt", "string", "the task", true, null, List.of()), workspace)));
    }

    /** The argument values after defaults, or a 400 listing every problem. */
    ObjectNode validate(ObjectNode body) {
        ObjectNode values = body.deepCopy();
        List<String> problems = new ArrayList<>();
        for (Argument argument : arguments) {
            JsonNode value = values.get(argument.name());
            if (value == null || value.isNull()) {
                if (argument.defaultValue() != null) {
                    values.set(argument.name(), argument.defaultValue());
                } else if (argument.required()) {
                    problems.add("'" + argument.name() + "' is required");
                }
                continue;
            }
            if (!hasType(value, argument.type())) {
                problems.add("'" + argument.name() + "' must be a " + argument.type());
            } else if (!argument.allowed().isEmpty() && !argument.allowed().contains(value.asText())) {
                problems.add("'" + argument.name() + "' must be one of " + argument.allowed());
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid("Invalid arguments for " + name + ": " + String.join("; ", problems) + ".");
        }
        return values;
    }

    /** The prompt with each {@code {{argument}}} replaced by its value. */
    String fill(ObjectNode values) {
        Matcher matcher = PLACEHOLDER.matcher(prompt);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            JsonNode value = values.get(matcher.group(1));
            String text = value == null || value.isNull() ? "" : value.isTextual() ? value.asText() : value.toString();
            matcher.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static WebhookCommand parse(JsonNode node) {
        List<Argument> arguments = new ArrayList<>();
        for (JsonNode arg : node.path("arguments")) {
            List<String> allowed = new ArrayList<>();
            arg.path("enum").forEach(v -> allowed.add(v.asText()));
            arguments.add(new Argument(arg.path("name").asText(), arg.path("type").asText("string"),
                    arg.path("description").asText(""), arg.path("required").asBoolean(true),
                    arg.has("default") ? arg.get("default") : null, allowed));
        }
        return new WebhookCommand(node.path("name").asText(), node.path("description").asText(""),
                node.path("prompt").asText(""), arguments);
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> value.isTextual();
        };
    }
}
