package dev.questbench.ui.composer;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.questbench.domain.event.EventJson;
import dev.questbench.store.Settings;
import java.nio.file.Path;
import java.util.List;

/**
 * Unsent text and attachments per quest, kept in the settings table under {@code composer.draft.<questId>} so
 * they survive a restart. Called off the FX thread.
 */
final class ComposerDrafts {
    static final String PREFIX = "composer.draft.";
    private static final System.Logger LOG = System.getLogger(ComposerDrafts.class.getName());

    /** A saved draft; attachments as label and absolute path. */
    record Draft(String text, List<Saved> attachments) {
        Draft {
            text = text == null ? "" : text;
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }

        boolean isEmpty() {
            return text.isBlank() && attachments.isEmpty();
        }
    }

    record Saved(String label, String path) {
        Attachment attachment() {
            return Attachment.of(label, Path.of(path));
        }
    }

    private final Settings settings;

    ComposerDrafts(Settings settings) {
        this.settings = settings;
    }

    Draft load(String questId) {
        return settings.raw(PREFIX + questId).map(json -> {
            try {
                return EventJson.mapper().readValue(json, Draft.class);
            } catch (JsonProcessingException e) {
                LOG.log(System.Logger.Level.WARNING, "draft of " + questId + " is unreadable: " + e.getMessage());
                return new Draft("", List.of());
            }
        }).orElse(new Draft("", List.of()));
    }

    /** Saves the draft, or forgets it when it is empty. */
    void save(String questId, String text, List<Attachment> attachments) {
        Draft draft = new Draft(text, attachments.stream()
                .map(attachment -> new Saved(attachment.label(), attachment.file().toString())).toList());
        if (draft.isEmpty()) {
            settings.remove(PREFIX + questId);
            return;
        }
        try {
            settings.rawSet(PREFIX + questId, EventJson.mapper().writeValueAsString(draft));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the draft cannot be stored as JSON", e);
        }
    }
}
