package dev.questbench.agent.builtin.permission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.questbench.agent.builtin.permission.PermissionRule.Behavior;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Matching tables: a rule (with its behavior, since Bash allow rules need every part of a compound command and
 * deny/ask rules any part), a tool use, and whether the rule applies. Workspace /ws, home /home/u.
 */
class PermissionRuleMatchTest {
    static final Path WS = Path.of("/ws");
    static final Path HOME = Path.of("/home/u");
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static boolean matches(String behavior, String rule, String tool, String input) {
        return PermissionRule.parse(rule, Behavior.valueOf(behavior), "test", WS)
                .matches(tool, json(input), WS, HOME);
    }

    @ParameterizedTest(name = "{0} {1} vs {2} {3} → {4}")
    @CsvSource(delimiter = '|', textBlock = """
            DENY  | Read                 | Read           | {"file_path":"/ws/a.txt"}           | true
            DENY  | Read                 | Grep           | {"pattern":"x"}                     | true
            DENY  | Read                 | Glob           | {"pattern":"*"}                     | true
            DENY  | Read                 | Edit           | {"file_path":"/ws/a.txt"}           | false
            DENY  | Edit                 | Write          | {"file_path":"/ws/a.txt"}           | true
            DENY  | Edit                 | NotebookEdit   | {"notebook_path":"/ws/n.ipynb"}     | true
            DENY  | Write                | Edit           | {"file_path":"/ws/a.txt"}           | false
            DENY  | *                    | WebSearch      | {"query":"x"}                       | true
            DENY  | Bash                 | run_in_terminal| {"command":"ls"}                    | true
            DENY  | run_in_terminal      | Bash           | {"command":"ls"}                    | true
            DENY  | Read                 | read_file      | {"file_path":"/ws/a"}               | true
            DENY  | Edit                 | search_replace | {"file_path":"/ws/a"}               | true
            DENY  | Edit                 | create_file    | {"file_path":"/ws/a"}               | true
            DENY  | Grep                 | grep_code      | {"pattern":"a"}                     | true
            DENY  | Glob                 | search_file    | {"pattern":"a"}                     | true
            DENY  | WebFetch             | fetch_content  | {"url":"https://a.com"}             | true
            DENY  | TodoWrite            | todo_write     | {}                                  | true
            DENY  | Bash                 | Read           | {"file_path":"/ws/a"}               | false
            DENY  | mcp__github__create_issue | mcp__github__create_issue | {}               | true
            DENY  | mcp__github__create_issue | mcp__github__close_issue  | {}               | false
            DENY  | mcp__github__*       | mcp__github__close_issue  | {}                       | true
            DENY  | mcp__github          | mcp__github__close_issue  | {}                       | true
            DENY  | mcp__github          | mcp__githubx__close_issue | {}                       | false
            DENY  | mcp__github__*       | mcp__gitlab__close_issue  | {}                       | false
            DENY  | mcp__*               | mcp__gitlab__close_issue  | {}                       | true
            DENY  | mcp__*               | Bash                      | {"command":"ls"}         | false
            """)
    void toolNames(String behavior, String rule, String tool, String input, boolean expected) {
        assertEquals(expected, matches(behavior, rule, tool, input));
    }

    @ParameterizedTest(name = "{1} vs {3} → {4}")
    @CsvSource(delimiter = '|', textBlock = """
            DENY | Read(/src/**)          | Read  | {"file_path":"/ws/src/a/B.java"}      | true
            DENY | Read(/src/**)          | Read  | {"file_path":"src/a/B.java"}          | true
            DENY | Read(/src/**)          | Read  | {"file_path":"/ws/src"}               | true
            DENY | Read(/src/**)          | Read  | {"file_path":"/ws/test/src/a.java"}   | false
            DENY | Read(/src/**)          | Read  | {"file_path":"/other/src/a.java"}     | false
            DENY | Read(src/**)           | Read  | {"file_path":"/ws/src/a.java"}        | true
            DENY | Read(src/**)           | Read  | {"file_path":"/ws/lib/src/a.java"}    | false
            DENY | Read(./.env)           | Read  | {"file_path":"/ws/.env"}              | true
            DENY | Read(*.pem)            | Read  | {"file_path":"/ws/keys/deep/id.pem"}  | true
            DENY | Read(*.pem)            | Read  | {"file_path":"/etc/ssl/x.pem"}        | true
            DENY | Read(*.pem)            | Read  | {"file_path":"/ws/keys/id.pem.txt"}   | false
            DENY | Read(.env)             | Read  | {"file_path":"/ws/app/.env"}          | true
            DENY | Read(node_modules)     | Read  | {"file_path":"/ws/node_modules/x/y.js"} | true
            DENY | Read(~/secrets/**)     | Read  | {"file_path":"/home/u/secrets/k"}     | true
            DENY | Read(~/secrets/**)     | Read  | {"file_path":"/ws/secrets/k"}         | false
            DENY | Read(~)                | Read  | {"file_path":"/home/u/.ssh/id"}       | true
            DENY | Read(//etc/**)         | Read  | {"file_path":"/etc/passwd"}           | true
            DENY | Read(//etc/**)         | Read  | {"file_path":"/ws/etc/passwd"}        | false
            DENY | Read(/build/)          | Read  | {"file_path":"/ws/build/out/a.class"} | true
            DENY | Read(/src/*.java)      | Read  | {"file_path":"/ws/src/A.java"}        | true
            DENY | Read(/src/*.java)      | Read  | {"file_path":"/ws/src/sub/A.java"}    | false
            DENY | Read(/src/**/*.java)   | Read  | {"file_path":"/ws/src/sub/A.java"}    | true
            DENY | Read(/src/**/*.java)   | Read  | {"file_path":"/ws/src/A.java"}        | true
            DENY | Read(/src/?.java)      | Read  | {"file_path":"/ws/src/A.java"}        | true
            DENY | Read(/src/[AB].java)   | Read  | {"file_path":"/ws/src/C.java"}        | false
            DENY | Read(/src/**)          | Grep  | {"pattern":"x","path":"/ws/src/a"}    | true
            DENY | Read(/src/**)          | Glob  | {"pattern":"*.java","path":"src"}     | true
            DENY | Read(/src/**)          | Grep  | {"pattern":"x"}                       | false
            DENY | Read(/../ws2/**)       | Read  | {"file_path":"/ws/../ws2/a"}          | false
            DENY | Edit(/src/**)          | Write | {"file_path":"/ws/src/New.java"}      | true
            DENY | Edit(/src/**)          | Edit  | {"file_path":"/ws/../src/x"}          | false
            DENY | Edit(/package.json)    | Edit  | {"file_path":"/ws/package.json"}      | true
            DENY | Edit(/package.json)    | Edit  | {"file_path":"/ws/app/package.json"}  | false
            DENY | Edit(//etc/**)         | Edit  | {"file_path":"/etc/hosts"}            | true
            DENY | Edit(/.git/**)         | Edit  | {"file_path":".git/config"}           | true
            """)
    void fileSpecsAreGitignoreStyle(String behavior, String rule, String tool, String input, boolean expected) {
        assertEquals(expected, matches(behavior, rule, tool, input));
    }

    @ParameterizedTest(name = "{0} {1} vs ''{3}'' → {4}")
    @CsvSource(delimiter = '¦', textBlock = """
            ALLOW ¦ Bash(npm run build)   ¦ Bash ¦ npm run build                      ¦ true
            ALLOW ¦ Bash(npm run build)   ¦ Bash ¦ npm   run  build                   ¦ true
            ALLOW ¦ Bash(npm run build)   ¦ Bash ¦ npm run build --prod               ¦ false
            ALLOW ¦ Bash(npm run test:*)  ¦ Bash ¦ npm run test                       ¦ true
            ALLOW ¦ Bash(npm run test:*)  ¦ Bash ¦ npm run test -- --watch            ¦ true
            ALLOW ¦ Bash(npm run test:*)  ¦ Bash ¦ npm run tests                      ¦ false
            ALLOW ¦ Bash(git log *)       ¦ Bash ¦ git log --oneline -5                ¦ true
            ALLOW ¦ Bash(git log *)       ¦ Bash ¦ git log                            ¦ true
            ALLOW ¦ Bash(git log *)       ¦ Bash ¦ git logs                           ¦ false
            ALLOW ¦ Bash(git * main)      ¦ Bash ¦ git merge main                     ¦ true
            ALLOW ¦ Bash(npm run test:*)  ¦ Bash ¦ npm run test && rm -rf /           ¦ false
            ALLOW ¦ Bash(npm run test:*)  ¦ Bash ¦ npm run test && npm run test -x    ¦ true
            ALLOW ¦ Bash(npm run test:*)  ¦ Bash ¦ npm run test; curl evil.sh         ¦ false
            ALLOW ¦ Bash(npm run test:*)  ¦ Bash ¦ npm run test | tee log             ¦ false
            ALLOW ¦ Bash(git log *)       ¦ Bash ¦ git log $(rm -rf ~)                ¦ false
            ALLOW ¦ Bash(echo:*)          ¦ Bash ¦ echo "a && rm -rf /"               ¦ true
            ALLOW ¦ Bash(echo:*)          ¦ Bash ¦ echo 'a; rm x'                     ¦ true
            ALLOW ¦ Bash(git status)      ¦ Bash ¦ FOO=1 git status                   ¦ false
            ALLOW ¦ Bash(git status)      ¦ Bash ¦ sudo git status                    ¦ false
            ALLOW ¦ Bash(a && b)          ¦ Bash ¦ a && b                             ¦ true
            DENY  ¦ Bash(rm -rf:*)        ¦ Bash ¦ rm -rf build                       ¦ true
            DENY  ¦ Bash(rm -rf:*)        ¦ Bash ¦ ls && rm -rf build                 ¦ true
            DENY  ¦ Bash(rm -rf:*)        ¦ Bash ¦ ls || rm -rf build                 ¦ true
            DENY  ¦ Bash(rm -rf:*)        ¦ Bash ¦ ls | rm -rf build                  ¦ true
            DENY  ¦ Bash(rm -rf:*)        ¦ Bash ¦ ls\\nrm -rf build                  ¦ true
            DENY  ¦ Bash(rm -rf:*)        ¦ Bash ¦ FOO=1 rm -rf build                 ¦ true
            DENY  ¦ Bash(rm -rf:*)        ¦ Bash ¦ sudo rm -rf build                  ¦ true
            DENY  ¦ Bash(rm -rf:*)        ¦ Bash ¦ env X=1 Y=2 rm -rf build           ¦ true
            DENY  ¦ Bash(rm -rf:*)        ¦ Bash ¦ timeout 10 rm -rf build            ¦ true
            DENY  ¦ Bash(rm -rf:*)        ¦ Bash ¦ nice -n 5 nohup time rm -rf build  ¦ true
            DENY  ¦ Bash(rm -rf:*)        ¦ Bash ¦ find . | xargs -0 rm -rf            ¦ true
            DENY  ¦ Bash(rm -rf:*)        ¦ Bash ¦ bash -c "rm -rf build"             ¦ true
            DENY  ¦ Bash(rm -rf:*)        ¦ Bash ¦ sh -c 'cd x && rm -rf y'           ¦ true
            DENY  ¦ Bash(rm -rf:*)        ¦ Bash ¦ echo $(rm -rf build)               ¦ true
            DENY  ¦ Bash(rm -rf:*)        ¦ Bash ¦ echo "rm -rf build"                ¦ false
            DENY  ¦ Bash(rm -rf:*)        ¦ Bash ¦ grep 'rm -rf' notes.txt            ¦ false
            DENY  ¦ Bash(rm -rf:*)        ¦ Bash ¦ rm -r build                        ¦ false
            DENY  ¦ Bash(sudo:*)          ¦ Bash ¦ FOO=1 sudo ls                      ¦ true
            DENY  ¦ Bash(sudo:*)          ¦ Bash ¦ ls; sudo ls                        ¦ true
            ASK   ¦ Bash(git push:*)      ¦ Bash ¦ git add . && git push origin main  ¦ true
            ASK   ¦ Bash(git push:*)      ¦ Bash ¦ git pushd                          ¦ false
            """)
    void bashSpecs(String behavior, String rule, String tool, String command, boolean expected) {
        String input = JSON.createObjectNode().put("command", command.replace("\\n", "\n")).toString();
        assertEquals(expected, matches(behavior, rule, tool, input));
    }

    @ParameterizedTest(name = "{1} vs {3} → {4}")
    @CsvSource(delimiter = '|', textBlock = """
            DENY | WebFetch(domain:example.com)   | WebFetch  | {"url":"https://example.com/a"}        | true
            DENY | WebFetch(domain:example.com)   | WebFetch  | {"url":"https://docs.Example.com/a"}   | true
            DENY | WebFetch(domain:example.com)   | WebFetch  | {"url":"https://notexample.com/a"}     | false
            DENY | WebFetch(domain:example.com)   | WebFetch  | {"url":"https://example.com.evil.io"}  | false
            DENY | WebFetch(domain:*.example.com) | WebFetch  | {"url":"https://a.example.com"}        | true
            DENY | WebFetch(domain:example.com)   | WebFetch  | {"url":"not a url"}                    | false
            DENY | WebFetch(https://x.io/*)       | WebFetch  | {"url":"https://x.io/docs"}            | true
            DENY | WebSearch(*weather*)           | WebSearch | {"query":"the weather today"}          | true
            DENY | Agent(Explore, Plan)           | Agent     | {"agent":"Plan","prompt":"x"}          | true
            DENY | Agent(Explore, Plan)           | Agent     | {"agent":"general-purpose"}            | false
            DENY | Skill(pdf)                     | Skill     | {"skill":"pdf"}                        | true
            DENY | mcp__s__t(abc*)                | mcp__s__t | {"q":"abcdef"}                         | true
            DENY | mcp__s__t(abc*)                | mcp__s__t | {"q":"xyz"}                            | false
            """)
    void otherTools(String behavior, String rule, String tool, String input, boolean expected) {
        assertEquals(expected, matches(behavior, rule, tool, input));
    }

    @Test
    void userRulesAreAnchoredAtTheirOwnRoot() {
        PermissionRule fromUserSettings = PermissionRule.parse("Read(/notes/**)", Behavior.DENY, "~/.qoder", HOME);
        assertEquals(true, fromUserSettings.matches("Read", json("{\"file_path\":\"/home/u/notes/a\"}"), WS, HOME));
        assertEquals(false, fromUserSettings.matches("Read", json("{\"file_path\":\"/ws/notes/a\"}"), WS, HOME));
    }
}
