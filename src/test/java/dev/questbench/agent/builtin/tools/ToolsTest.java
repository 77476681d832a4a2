package dev.questbench.agent.builtin.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolsTest {
    private static final Map<String, Tool> TOOLS = Tools.standard().stream()
            .collect(Collectors.toMap(Tool::name, tool -> tool));

    @Test
    void theStandardSetUsesTheCloudToolsetNames() {
        assertEquals(List.of("Read", "Write", "Edit", "Glob", "Grep", "Bash", "WebFetch"),
                Tools.standard().stream().map(Tool::name).toList());
    }

    @Test
    void readOnlyToolsAreTheOnesThatChangeNothing() {
        assertEquals(List.of("Read", "Glob", "Grep", "WebFetch"),
                Tools.standard().stream().filter(Tool::readOnly).map(Tool::name).toList());
    }

    @Test
    void schemasNameTheParametersTheModelSends() {
        assertParameters("Read", List.of("file_path"), List.of("file_path", "offset", "limit"));
        assertParameters("Write", List.of("file_path", "content"), List.of("file_path", "content"));
        assertParameters("Edit", List.of("file_path", "old_string", "new_string"),
                List.of("file_path", "old_string", "new_string", "replace_all"));
        assertParameters("Glob", List.of("pattern"), List.of("pattern", "path"));
        assertParameters("Grep", List.of("pattern"), List.of("pattern", "path", "glob", "type", "output_mode", "-A",
                "-B", "-C", "-i", "-n", "head_limit", "offset", "multiline"));
        assertParameters("Bash", List.of("command"), List.of("command", "timeout", "description"));
        assertParameters("WebFetch", List.of("url"), List.of("url", "prompt"));
    }

    @Test
    void schemasAreCopiesAndDescriptionsAreSubstantial() {
        for (Tool tool : Tools.standard()) {
            ObjectNode schema = tool.inputSchema();
            schema.put("type", "changed");
            assertEquals("object", tool.inputSchema().get("type").asText(), tool.name());
            assertNotSame(schema, tool.inputSchema());
            assertTrue(tool.description().length() > 150, tool.name() + " description is too thin");
            assertFalse(tool.description().contains("\\"), tool.name());
        }
    }

    @Test
    void unknownParametersAreIgnored(@TempDir Path temp) throws Exception {
        ToolFixture f = new ToolFixture(temp);
        f.write("a.txt", "x\n");
        assertEquals("     1\tx\n", f.run(TOOLS.get("Read"), "file_path", "a.txt", "pages", "1-2", "extra", 5).text());
    }

    @Test
    void numbersSentAsStringsAreAcceptedAndNonsenseIsNamed(@TempDir Path temp) throws Exception {
        ToolFixture f = new ToolFixture(temp);
        f.write("a.txt", "one\ntwo\n");
        assertEquals("     2\ttwo\n", f.run(TOOLS.get("Read"), "file_path", "a.txt", "offset", "2").text());
        ToolException e = assertThrows(ToolException.class,
                () -> f.run(TOOLS.get("Read"), "file_path", "a.txt", "limit", "lots"));
        assertTrue(e.getMessage().startsWith("Parameter 'limit' must be an integer"), e.getMessage());
    }

    private static void assertParameters(String tool, List<String> required, List<String> all) {
        JsonNode schema = TOOLS.get(tool).inputSchema();
        List<String> names = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(names::add);
        assertEquals(all, names, tool);
        List<String> requiredNames = new ArrayList<>();
        schema.get("required").forEach(node -> requiredNames.add(node.asText()));
        assertEquals(required, requiredNames, tool);
        schema.get("properties").forEach(property -> assertTrue(property.hasNonNull("description"), tool));
    }
}
