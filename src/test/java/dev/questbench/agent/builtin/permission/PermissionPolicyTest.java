package dev.questbench.agent.builtin.permission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.questbench.agent.builtin.permission.PermissionRule.Behavior;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.event.Decision.Permission;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decision tables: mode, rules ({@code behavior:Rule} separated by {@code ;}), a tool use, and the verdict with a
 * word its reason must contain. Workspace /ws, home /home/u.
 */
class PermissionPolicyTest {
    private static final Path WS = Path.of("/ws");
    private static final Path HOME = Path.of("/home/u");

    private static List<PermissionRule> rules(String spec) {
        List<PermissionRule> out = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return out;
        }
        for (String item : spec.split(";")) {
            String[] parts = item.strip().split(":", 2);
            out.add(PermissionRule.parse(parts[1], Behavior.valueOf(parts[0].toUpperCase(Locale.ROOT)),
                    ".qoder/settings.json", WS));
        }
        return out;
    }

    private static String input(String tool, String argument) {
        String field = switch (tool) {
            case "Bash" -> "command";
            case "WebFetch" -> "url";
            case "Grep", "Glob" -> "path";
            default -> "file_path";
        };
        return JsonNodeFactory.instance.objectNode().put(field, argument).toString();
    }

    private static void check(String mode, String ruleSpec, String tool, String argument, boolean readOnly,
                              Permission expected, String reason) {
        PermissionPolicy policy = new PermissionPolicy(PermissionMode.fromWire(mode), rules(ruleSpec), WS, HOME);
        Verdict verdict = policy.evaluate(tool, PermissionRuleMatchTest.json(input(tool, argument)), readOnly);
        assertEquals(expected, verdict.permission(), () -> "reason: " + verdict.reason());
        assertTrue(verdict.reason().contains(reason), () -> "reason was: " + verdict.reason());
    }

    @ParameterizedTest(name = "[{0}] {1} | {2} {3} → {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            default | -                                  | Read  | src/A.java          | true  | ALLOW | default mode allows read-only tools
            default | -                                  | Bash  | ls -la              | false | ALLOW | read-only commands
            default | -                                  | Bash  | git status && git diff | false | ALLOW | read-only commands
            default | -                                  | Bash  | cat a > b           | false | ASK   | default mode asks before commands
            default | -                                  | Bash  | npm test            | false | ASK   | default mode asks before commands
            default | -                                  | Edit  | src/A.java          | false | ASK   | default mode asks before edits
            default | -                                  | WebFetch | https://x.io     | false | ASK   | before using WebFetch
            default | -                                  | TodoWrite | x               | false | ALLOW | always allowed
            default | -                                  | AskUserQuestion | x         | false | ALLOW | always allowed
            default | deny:TodoWrite                     | todo_write | x              | false | ALLOW | always allowed
            default | allow:Bash(npm test:*)             | Bash  | npm test            | false | ALLOW | allow rule Bash(npm test:*) from .qoder/settings.json
            default | allow:Bash(npm test:*)             | Bash  | npm test && curl x  | false | ASK   | default mode asks
            default | allow:Bash(npm test:*);allow:Bash(curl:*) | Bash | npm test && curl x | false | ALLOW | allow rules
            default | allow:Bash(npm test:*)             | Bash  | npm test && ls      | false | ASK   | default mode asks
            default | allow:Bash(*)                      | Bash  | npm test && ls      | false | ALLOW | allow rule Bash
            default | deny:Bash(rm:*);allow:Bash(*)      | Bash  | ls && rm x          | false | DENY  | deny rule Bash(rm:*) from .qoder/settings.json
            default | ask:Bash(git push:*);allow:Bash(*)  | Bash  | git push            | false | ASK   | ask rule Bash(git push:*)
            default | deny:Bash(git push:*);ask:Bash(git push:*) | Bash | git push     | false | DENY  | deny rule
            default | ask:Read(/src/**);allow:Read       | Read  | src/A.java          | true  | ASK   | ask rule
            default | deny:Read(*.pem)                   | Read  | keys/a.pem          | true  | DENY  | deny rule Read(*.pem)
            default | allow:Bash(*)                      | Bash  | git push --force    | false | ASK   | risky command: force-pushes
            default | allow:Bash(*)                      | Bash  | sudo ls             | false | ASK   | another user
            default | allow:*                            | Bash  | rm -rf ~            | false | ASK   | risky command
            default | allow:Edit                         | Edit  | .git/config         | false | ASK   | protected path .git/config
            default | allow:Edit                         | Write | .qoder/settings.json | false | ASK  | protected path
            default | allow:Edit                         | Write | .claude/settings.local.json | false | ASK | protected path
            default | allow:Edit                         | Edit  | .vscode/launch.json | false | ASK   | protected path
            default | allow:Edit                         | Edit  | /home/u/.bashrc     | false | ASK   | protected path
            default | allow:Edit                         | Edit  | .mcp.json           | false | ASK   | protected path
            default | allow:Edit                         | Edit  | .qoder/agents/a.md  | false | ALLOW | allow rule Edit
            default | allow:Edit                         | Edit  | .gitignore          | false | ALLOW | allow rule Edit
            default | allow:Edit(/src/**)                | Read  | src/A.java          | false | ALLOW | edit allow also allows reading
            default | allow:Edit(/src/**)                | Grep  | src                 | false | ALLOW | edit allow also allows reading
            default | allow:Edit(/src/**)                | Read  | docs/a.md           | false | ASK   | default mode asks
            default | deny:Read(/src/secret/**);allow:Edit(/src/**) | Read | src/secret/k | true | DENY | deny rule
            default | allow:WebFetch(domain:example.com) | WebFetch | https://api.example.com/x | false | ALLOW | allow rule
            default | allow:WebFetch(domain:example.com) | WebFetch | https://evil.io   | false | ASK   | default mode
            """)
    void defaultMode(String mode, String rules, String tool, String argument, boolean readOnly, Permission expected,
                     String reason) {
        check(mode, rules, tool, argument, readOnly, expected, reason);
    }

    @ParameterizedTest(name = "[{0}] {1} | {2} {3} → {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            plan | -                       | Read  | src/A.java   | true  | ALLOW | plan mode allows reading
            plan | -                       | Bash  | git log -5   | false | ALLOW | plan mode allows reading
            plan | -                       | Bash  | find . -name '*.java' | false | ALLOW | plan mode
            plan | -                       | Bash  | find . -delete | false | DENY | Plan mode is read-only: propose the change in your plan instead
            plan | -                       | Edit  | src/A.java   | false | DENY  | Plan mode is read-only
            plan | -                       | Write | src/B.java   | false | DENY  | Plan mode is read-only
            plan | -                       | Bash  | npm install  | false | DENY  | Plan mode is read-only
            plan | allow:Edit(/src/**)     | Edit  | src/A.java   | false | DENY  | Plan mode is read-only
            plan | allow:Bash(*)           | Bash  | touch x      | false | DENY  | Plan mode is read-only
            plan | deny:Read(*.pem)        | Read  | a.pem        | true  | DENY  | deny rule
            plan | -                       | TodoWrite | x        | false | ALLOW | always allowed
            acceptEdits | -                | Edit  | src/A.java   | false | ALLOW | accept-edits mode allows edits in the workspace
            acceptEdits | -                | Write | /ws/new/B.java | false | ALLOW | accept-edits
            acceptEdits | -                | Edit  | /etc/hosts   | false | ASK   | outside the workspace
            acceptEdits | -                | Edit  | ../other/a.txt | false | ASK | outside the workspace
            acceptEdits | -                | Edit  | .git/config  | false | ASK   | protected path
            acceptEdits | -                | Bash  | npm test     | false | ASK   | accept-edits mode asks before commands
            acceptEdits | -                | Bash  | ls src       | false | ALLOW | read-only command
            acceptEdits | -                | Read  | /etc/hosts   | true  | ALLOW | read-only tool
            acceptEdits | ask:Edit(/package.json) | Edit | package.json | false | ASK | ask rule Edit(/package.json)
            acceptEdits | deny:Edit(/src/gen/**)  | Edit | src/gen/X.java | false | DENY | deny rule
            bypassPermissions | -          | Bash  | git push --force | false | ALLOW | bypass-permissions
            bypassPermissions | -          | Bash  | sudo rm -rf / | false | ALLOW | bypass-permissions
            bypassPermissions | -          | Edit  | .git/config  | false | ALLOW | bypass-permissions
            bypassPermissions | -          | mcp__s__t | x        | false | ALLOW | bypass-permissions
            bypassPermissions | deny:Bash(rm:*) | Bash | rm x       | false | DENY  | deny rule Bash(rm:*)
            bypassPermissions | ask:Bash(git push:*) | Bash | git push | false | ASK | ask rule
            """)
    void otherModes(String mode, String rules, String tool, String argument, boolean readOnly, Permission expected,
                    String reason) {
        check(mode, rules, tool, argument, readOnly, expected, reason);
    }

    @Test
    void allowAlwaysRulesRoundTripThroughThePolicy() {
        var bash = PermissionRule.forAlwaysAllow("Bash", PermissionRuleMatchTest.json(
                "{\"command\":\"npm run lint -- --fix\"}"), WS);
        assertEquals("Bash(npm run lint -- --fix)", bash.text());
        assertEquals(PermissionRule.ALLOW_ALWAYS, bash.source());
        PermissionPolicy policy = new PermissionPolicy(PermissionMode.DEFAULT, List.of(bash), WS, HOME);
        assertEquals(Permission.ALLOW, policy.evaluate("Bash", PermissionRuleMatchTest.json(
                "{\"command\":\"npm run lint -- --fix\"}"), false).permission());
        assertEquals(Permission.ASK, policy.evaluate("Bash", PermissionRuleMatchTest.json(
                "{\"command\":\"npm run lint -- --fix && rm x\"}"), false).permission());
    }

    @Test
    void nullRulesAreSkipped() {
        List<PermissionRule> rules = new ArrayList<>(rules("deny:Bash(rm:*)"));
        rules.add(0, null);
        Verdict verdict = new PermissionPolicy(PermissionMode.DEFAULT, rules, WS, HOME)
                .evaluate("Bash", PermissionRuleMatchTest.json("{\"command\":\"rm x\"}"), false);
        assertEquals(Permission.DENY, verdict.permission());
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Bash     | {"command":"  npm test  "}                | Bash(npm test)
            Bash     | {"command":"ls *.txt"}                    | Bash(ls \\*.txt)
            Bash     | {"command":"echo (x)"}                    | Bash(echo \\(x\\))
            run_in_terminal | {"command":"make"}                 | Bash(make)
            Edit     | {"file_path":"/ws/src/A.java"}            | Edit(/src/A.java)
            Write    | {"file_path":"src/new/B.java"}            | Edit(/src/new/B.java)
            Write    | {"file_path":"/etc/hosts"}                | Edit(//etc/hosts)
            Edit     | {"file_path":"/ws/a[1].txt"}              | Edit(/a\\[1\\].txt)
            WebFetch | {"url":"https://Docs.Example.com/a?b=1"}  | WebFetch(domain:docs.example.com)
            WebFetch | {"url":"::bad"}                           | WebFetch
            Read     | {"file_path":"/ws/a"}                     | Read
            mcp__s__t | {}                                       | mcp__s__t
            """)
    void allowAlwaysRules(String tool, String input, String expected) {
        PermissionRule rule = PermissionRule.forAlwaysAllow(tool, PermissionRuleMatchTest.json(input), WS);
        assertEquals(expected, rule.text());
        assertEquals(Behavior.ALLOW, rule.behavior());
        assertTrue(rule.matches(tool, PermissionRuleMatchTest.json(input), WS, HOME), "the rule covers its own use");
    }
}
