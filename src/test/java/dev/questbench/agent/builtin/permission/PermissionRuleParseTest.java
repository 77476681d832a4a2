package dev.questbench.agent.builtin.permission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.builtin.permission.PermissionRule.Behavior;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule strings as users write them in settings files: what is read, and what is refused with which message. */
class PermissionRuleParseTest {
    private static final Path ROOT = Path.of("/ws");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            Bash                               | Bash                  | NULL                        | Bash
            Bash(npm run build)                | Bash                  | npm run build               | Bash(npm run build)
            Bash(npm run test:*)               | Bash                  | npm run test:*              | Bash(npm run test:*)
            Bash(*)                            | Bash                  | NULL                        | Bash
            '  Edit(/src/**)  '                | Edit                  | /src/**                     | Edit(/src/**)
            *                                  | *                     | NULL                        | *
            Bash(python -c "print\\(1\\)")     | Bash                  | python -c "print(1)"        | Bash(python -c "print\\(1\\)")
            Bash(echo (a b))                   | Bash                  | echo (a b)                  | Bash(echo \\(a b\\))
            mcp__github__create_issue          | mcp__github__create_issue | NULL                    | mcp__github__create_issue
            mcp__github__*                     | mcp__github__*        | NULL                        | mcp__github__*
            mcp__github                        | mcp__github           | NULL                        | mcp__github
            WebFetch(domain:example.com)       | WebFetch              | domain:example.com          | WebFetch(domain:example.com)
            Agent(Explore, Plan)               | Agent                 | Explore, Plan               | Agent(Explore, Plan)
            run_in_terminal(ls)                | run_in_terminal       | ls                          | run_in_terminal(ls)
            """)
    void readsRules(String text, String tool, String spec, String roundTrip) {
        PermissionRule rule = PermissionRule.parse(text, Behavior.ALLOW, "test", ROOT);
        assertEquals(tool, rule.tool());
        assertEquals(spec, rule.spec());
        assertEquals(roundTrip, rule.text());
        assertEquals(Behavior.ALLOW, rule.behavior());
        assertEquals("test", rule.source());
        assertEquals(ROOT, rule.root());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                   | empty
            '   '                | empty
            Bash(                | must end with ')'
            Bash(npm test        | must end with ')'
            (npm test)           | no tool name
            Bash()               | empty parentheses
            'Bash(  )'           | empty parentheses
            Bash(ls) extra       | must end with ')'
            Bash)                | without '('
            Bash(a))             | unmatched ')'
            Bash((a)             | unmatched '('
            Bash(a\\)            | must end with ')'
            Ba sh                | is not a tool name
            *(x)                 | takes no argument
            """)
    void refusesBadSyntaxWithAReadableMessage(String text, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PermissionRule.parse(text, Behavior.DENY, "settings.json", ROOT));
        assertTrue(e.getMessage().contains(problem), () -> "message was: " + e.getMessage());
    }

    @Test
    void toolStarIsTheSameAsTheBareTool() {
        PermissionRule star = PermissionRule.parse("Edit(*)", Behavior.ASK, "s", ROOT);
        assertNull(star.spec());
        assertEquals(PermissionRule.parse("Edit", Behavior.ASK, "s", ROOT), star);
    }
}
