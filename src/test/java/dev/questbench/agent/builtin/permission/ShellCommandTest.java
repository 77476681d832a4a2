package dev.questbench.agent.builtin.permission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How command lines split into simple commands, and which of them are provably read-only. */
class ShellCommandTest {

    /** Segments as {@code words/next}, joined with {@code  ¶ }. */
    private static String shape(String command) {
        return ShellCommand.parse(command.replace("\\n", "\n")).stream()
                .map(s -> String.join(" ", s.words()) + (s.next() == null ? "" : "/" + s.next()))
                .collect(Collectors.joining(" ¶ "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '¦', textBlock = """
            ls -la                              ¦ ls -la
            a && b || c; d | e & f              ¦ a/&& ¶ b/|| ¶ c/; ¶ d/| ¶ e/& ¶ f
            echo "a && b" 'c | d'               ¦ echo a && b c | d
            echo a\\ b "x\\"y"                  ¦ echo a b x"y
            ls\\nrm x                           ¦ ls/; ¶ rm x
            cmd 2>&1 | tee log                  ¦ cmd/| ¶ tee log
            cmd >out.txt 2>/dev/null            ¦ cmd
            cmd>out                             ¦ cmd
            (cd sub && make) | cat              ¦ cd sub/&& ¶ make/| ¶ cat
            if true; then rm x; fi              ¦ true/; ¶ rm x/; ¶ fi
            for f in *.txt; do cat $f; done     ¦ for f in *.txt/; ¶ cat $f/; ¶ done
            echo $(date) `whoami`               ¦ echo $(date) `whoami`
            echo hi # && rm -rf /               ¦ echo hi
            cat <<EOF > f\\nrm -rf /\\nEOF\\nls ¦ cat/; ¶ ls
            cat <<'X'\\n$(rm y)\\nX             ¦ cat/;
            git commit -m "fix: a (b)"          ¦ git commit -m fix: a (b)
            """)
    void splits(String command, String expected) {
        assertEquals(expected, shape(command));
    }

    @Test
    void keepsSubstitutionBodiesAndRedirections() {
        ShellCommand.Segment s = ShellCommand.parse("diff <(sort a) \"$(cat b)\" > out 2>&1").get(0);
        assertEquals(List.of("sort a", "cat b"), s.substitutions());
        assertEquals(List.of(new ShellCommand.Redirect(">", "out"), new ShellCommand.Redirect(">&", "1")),
                s.redirects());
        assertEquals(List.of(true, false), s.redirects().stream().map(ShellCommand.Redirect::writesFile).toList());
    }

    @Test
    void unquotedHereDocumentsStillRunTheirSubstitutions() {
        assertEquals(List.of("rm -rf /opt"), ShellCommand.parse("cat <<EOF > f\nhi $(rm -rf /opt)\nEOF").get(0)
                .substitutions());
        assertEquals(List.of(), ShellCommand.parse("cat <<'EOF' > f\nhi $(rm -rf /opt)\nEOF").get(0)
                .substitutions());
        assertEquals(true, RiskyCommands.classify("cat <<EOF\n`rm -rf /opt`\nEOF", null).isPresent());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '¦', textBlock = """
            ls -la src                          ¦ true
            cat a | grep x | wc -l              ¦ true
            git status && git log --oneline -3  ¦ true
            git diff HEAD~1 -- src              ¦ true
            git branch -a                       ¦ true
            git -C sub status                   ¦ true
            find . -name '*.java' -type f       ¦ true
            head -n 5 a; tail b                 ¦ true
            pwd                                 ¦ true
            LANG=C grep -r foo .                ¦ true
            ls > /dev/null 2>&1                 ¦ true
            echo $(git rev-parse HEAD)          ¦ true
            cd src && ls                        ¦ true
            cat a > b                           ¦ false
            echo x >> log                       ¦ false
            find . -delete                      ¦ false
            find . -exec rm {} +                ¦ false
            git branch new-feature              ¦ false
            git -c core.pager=evil log          ¦ false
            git log --output=x                  ¦ false
            git push                            ¦ false
            git stash                           ¦ false
            sort -o out in                      ¦ false
            uniq in out                         ¦ false
            echo $(rm x)                        ¦ false
            sudo ls                             ¦ false
            bash -c ls                          ¦ false
            npm test                            ¦ false
            ls && npm test                      ¦ false
            rg --pre evil x                     ¦ false
            date -s 2020-01-01                  ¦ false
            ''                                  ¦ false
            """)
    void readOnlyCommands(String command, boolean expected) {
        assertEquals(expected, ReadOnlyCommands.isReadOnly(command));
    }
}
