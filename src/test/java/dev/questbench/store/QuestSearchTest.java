package dev.questbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.event.QuestEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Text search over titles, prompts and message text: prefixes, case, and hostile input. */
class QuestSearchTest {
    @TempDir
    Path dir;
    private Store store;
    private Quest pagination;
    private Quest login;
    private Quest cafe;

    @BeforeEach
    void fill() {
        store = Store.open(dir);
        pagination = TestQuests.created(store, "Add pagination to the orders table");
        login = TestQuests.created(store, "Fix login");
        cafe = TestQuests.created(store, "Café menu");
        store.journal().append(login.id(), QuestEvent.UserMessage.text("The OAuth redirect loops forever"));
        store.journal().append(login.id(), QuestEvent.AgentMessage.text("Found it: the cookie SameSite flag"));
        // Thinking and tool output are not message text, so they are not searched.
        store.journal().append(cafe.id(), new QuestEvent.AgentThinking("pagination thoughts"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void matchesTitlesAndMessagesByWordPrefixIgnoringCase() {
        assertEquals(List.of(pagination), search("pagination"));
        assertEquals(List.of(pagination), search("PAGIN"));
        assertEquals(List.of(login), search("oauth"));
        assertEquals(List.of(login), search("samesi"));
        assertEquals(List.of(login), search("Prompt for Fix")); // the prompt counts as well
        assertEquals(List.of(cafe), search("cafe"));
        assertEquals(List.of(), search("thoughts"));
        assertEquals(List.of(), search("agination")); // prefixes of words, not substrings
    }

    @Test
    void everyWordMustMatchSomewhereInTheQuest() {
        assertEquals(List.of(login), search("login cookie")); // title + agent message
        assertEquals(List.of(login), search("redirect cookie")); // two different messages
        assertEquals(List.of(), search("login pagination"));
    }

    static Stream<Arguments> hostileInput() {
        return Stream.of(
                arguments("\"", "all"), arguments("'", "all"), arguments("*", "all"), arguments("\\", "all"),
                arguments("%_", "all"), arguments("\"login", "login"), arguments("login\"", "login"),
                arguments("login*", "login"), arguments("-login", "login"), arguments("(login", "login"),
                arguments("^login", "login"), arguments("{login}", "login"), arguments("login +", "login"),
                arguments("login's", "login"), // s* matches SameSite
                arguments("OR", "pagination"), // a prefix of "orders", not an operator
                arguments("login AND", "none"), arguments("NOT login", "none"), arguments("login NEAR(", "none"),
                arguments("title:login", "none"));
    }

    @ParameterizedTest
    @MethodSource("hostileInput")
    void specialCharactersAndOperatorsAreJustText(String text, String expected) {
        List<Quest> want = switch (expected) {
            case "all" -> List.of(cafe, login, pagination);
            case "login" -> List.of(login);
            case "pagination" -> List.of(pagination);
            default -> List.of();
        };
        assertEquals(want, search(text), text);
    }

    @Test
    void operatorWordsAreSearchedAsWords() {
        Quest logic = TestQuests.created(store, "Explain AND OR NOT logic");
        assertEquals(List.of(logic), search("and or not"));
        assertEquals(List.of(logic), search("NOT AND"));
    }

    @Test
    void updatesAndDeletesKeepTheIndexTrue() {
        Quest tabs = store.quests().create(Quest.create("Tabs or spaces", "", null, null, null, Instant.now())).quest();
        assertEquals(List.of(tabs.id()), ids(store.quests().list(QuestQuery.ALL.withText("tabs"))));
        store.quests().update(tabs.withTitle("Indentation style", Instant.now()));
        assertEquals(List.of(), search("tabs"));
        assertEquals(List.of(tabs.id()), ids(store.quests().list(QuestQuery.ALL.withText("indent"))));
        store.quests().delete(login.id());
        assertEquals(List.of(), search("oauth"));
        assertEquals(List.of(), search("login"));
    }

    @Test
    void searchCombinesWithOtherFilters() {
        store.quests().update(login.withArchived(true, Instant.now()));
        assertEquals(List.of(), search("oauth"));
        QuestQuery archivedToo = new QuestQuery(null, null, "oauth", true, QuestSort.RECENT_ACTIVITY, false, 0);
        assertEquals(List.of(login.id()), ids(store.quests().list(archivedToo)));
    }

    /** The quests found, as stored (which equal the created ones, since quests round-trip exactly). */
    private List<Quest> search(String text) {
        return store.quests().list(QuestQuery.ALL.withText(text)).stream().map(QuestSummary::quest).toList();
    }

    private static List<String> ids(List<QuestSummary> summaries) {
        return summaries.stream().map(QuestSummary::id).toList();
    }
}
