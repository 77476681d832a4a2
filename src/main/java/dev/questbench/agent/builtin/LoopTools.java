package dev.questbench.agent.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.domain.event.EventJson;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.llm.ToolSpec;
import java.util.ArrayList;
import java.util.List;

/** The tools the loop answers itself: {@code TodoWrite} (the quest's todo list) and {@code AskUserQuestion}. */
final class LoopTools {
    static final String TODO_WRITE = "TodoWrite";
    static final String ASK_USER_QUESTION = "AskUserQuestion";

    private LoopTools() {
    }

    static ToolSpec todoWrite() {
        ObjectNode schema = object();
        ObjectNode item = object();
        props(item).set("content", string("What to do, in the imperative (\"Run the tests\")"));
        ObjectNode status = string("pending, in_progress or completed");
        status.putArray("enum").add("pending").add("in_progress").add("completed");
        props(item).set("status", status);
        props(item).set("activeForm", string("The same in the present continuous (\"Running the tests\")"));
        props(item).set("id", string("Optional stable id"));
        item.putArray("required").add("content").add("status");
        ObjectNode todos = EventJson.mapper().createObjectNode();
        todos.put("type", "array");
        todos.set("items", item);
        props(schema).set("todos", todos);
        schema.putArray("required").add("todos");
        return new ToolSpec(TODO_WRITE, """
                Replace the quest's todo list, which the user watches. Use it for work with three or more steps: \
                write the plan as todos, mark one in_progress before starting it and completed as soon as it is \
                done. Send the whole list every time.""", schema);
    }

    static ToolSpec askUserQuestion() {
        ObjectNode schema = object();
        props(schema).set("question", string("The question, self-contained"));
        ObjectNode options = EventJson.mapper().createObjectNode();
        options.put("type", "array");
        options.set("items", string("A short answer the user can pick"));
        props(schema).set("options", options);
        props(schema).set("default", string("The option you would pick"));
        schema.putArray("required").add("question");
        return new ToolSpec(ASK_USER_QUESTION, """
                Ask the user a question and wait for the answer. Use it only when you cannot proceed without a \
                decision only the user can make; offer options when the choice is between a few answers.""",
                schema);
    }

    /** The todo list in a TodoWrite input, or null when the input is not a list of todos. */
    static List<QuestEvent.TodoUpdated.TodoItem> todos(JsonNode input) {
        JsonNode todos = input == null ? null : input.get("todos");
        if (todos == null || !todos.isArray()) {
            return null;
        }
        List<QuestEvent.TodoUpdated.TodoItem> items = new ArrayList<>();
        for (JsonNode todo : todos) {
            String content = todo.path("content").asText("");
            String status = todo.path("status").asText("pending");
            if (content.isBlank() || !List.of("pending", "in_progress", "completed").contains(status)) {
                return null;
            }
            String active = todo.hasNonNull("activeForm") ? todo.get("activeForm").asText() : null;
            items.add(new QuestEvent.TodoUpdated.TodoItem(content, status, active));
        }
        return items;
    }

    private static ObjectNode object() {
        ObjectNode node = EventJson.mapper().createObjectNode();
        node.put("type", "object");
        node.putObject("properties");
        return node;
    }

    private static ObjectNode props(ObjectNode schema) {
        return (ObjectNode) schema.get("properties");
    }

    private static ObjectNode string(String description) {
        ObjectNode node = EventJson.mapper().createObjectNode();
        node.put("type", "string");
        node.put("description", description);
        return node;
    }

    static ArrayNode array() {
        return EventJson.mapper().createArrayNode();
    }
}
