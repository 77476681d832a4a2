package dev.questbench.ui.quest;

import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.QuestEvent.TodoUpdated.TodoItem;
import dev.questbench.ui.quest.TranscriptRow.NoticeKind;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.List;
import java.util.Objects;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Draws one conversation row: messages as bubbles (the one being written too), status changes as quiet centred
 * lines, tool steps, hook lines, dividers and the cards. Each kind of graphic is made once per cell, when first
 * needed, and reused as the list scrolls.
 */
final class TranscriptCell extends ListCell<TranscriptRow> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());
    private static final PseudoClass USER = PseudoClass.getPseudoClass("user");
    private static final PseudoClass AGENT = PseudoClass.getPseudoClass("agent");
    private static final PseudoClass STATUS = PseudoClass.getPseudoClass("status");
    private static final PseudoClass DETAIL = PseudoClass.getPseudoClass("detail");
    private static final PseudoClass CARD = PseudoClass.getPseudoClass("card");

    private static final PseudoClass STEP = PseudoClass.getPseudoClass("step");

    private final CardActions actions;
    private final MessageActions messages;
    private final ConversationViewModel model;
    private final StackPane holder = new StackPane();
    private final RowHeights heights;
    private final CellMenus menus;
    private Double estimate;
    private double estimatedWidth;
    private MessageBubble bubble;
    private ToolStepView step;
    private QuestionCard question;
    private HookLine hook;
    private ThinkingLine thinking;
    private TodoCard todos;
    private CompactedDivider divider;
    private WorktreeLine worktree;
    private SetupLine setup;
    private RevertedDivider reverted;
    private ChangesLine changes;
    private Label note;
    private HBox noteRow;
    private ApprovalCard approval;
    private NoticeCard notice;
    private SpecCard spec;
    private HBox stopped;
    private Label stoppedText;
    private String shownEntryId;

    /** @param messages what the user's own messages offer (Revert, Edit and resend); null for nothing */
    TranscriptCell(CardActions actions, MessageActions messages, ConversationViewModel model, RowHeights heights) {
        this.heights = heights;
        this.menus = new CellMenus(this::getItem, actions, messages, model);
        this.actions = actions;
        this.messages = messages;
        this.model = model;
        getStyleClass().add("entry-cell");
        setPrefWidth(0); // fit the list's width: long text wraps instead of scrolling sideways
        holder.getStyleClass().add("entry-holder");
    }

    /**
     * Shows one kind's graphic. Each kind stays in the cell once made, hidden when another shows: swapping the
     * cell's graphic took every node out of the scene and put it back, restyling it from scratch, which made
     * scrolling past Markdown replies slow.
     */
    private void show(Node shown) {
        if (shown != null && shown.getParent() != holder) {
            holder.getChildren().add(shown);
        }
        for (Node child : holder.getChildren()) {
            boolean on = child == shown;
            if (child.isVisible() != on) {
                child.setVisible(on);
                child.setManaged(on);
            }
        }
        if (getGraphic() != holder) {
            setGraphic(holder);
        }
    }

    @Override
    protected void updateItem(TranscriptRow row, boolean empty) {
        super.updateItem(row, empty);
        setText(null);
        estimate = null;
        if (!empty && row != null && measuringOnly()) {
            Double known = heights.get(row, getWidth());
            if (known != null) {
                estimate = known; // the list only wants the height: build nothing
                estimatedWidth = getWidth();
                show(null);
                return;
            }
        }
        render(row, empty);
    }

    @Override
    protected double computePrefHeight(double width) {
        if (estimate != null && Math.round(width) == Math.round(estimatedWidth)) {
            return estimate;
        }
        if (estimate != null) { // measured at another width after all: build the row now
            estimate = null;
            render(getItem(), isEmpty());
        }
        double height = super.computePrefHeight(width);
        if (!isEmpty() && getItem() != null && width > 0) {
            heights.put(getItem(), width, height);
        }
        return height;
    }

    /**
     * Whether this is the list's hidden measuring cell (JavaFX keeps it in an invisible group), which sizes rows it
     * does not show.
     */
    private boolean measuringOnly() {
        return getParent() != null && !getParent().isVisible();
    }

    private void render(TranscriptRow row, boolean empty) {
        boolean sameEntry = row != null && !empty && Objects.equals(row.entry().id(), shownEntryId);
        shownEntryId = empty || row == null ? null : row.entry().id();
        boolean bubbleRow = row instanceof TranscriptRow.Message || row instanceof TranscriptRow.Streaming;
        boolean lineRow = row instanceof TranscriptRow.Note || row instanceof TranscriptRow.Step
                || row instanceof TranscriptRow.HookRun || row instanceof TranscriptRow.Compacted
                || row instanceof TranscriptRow.Worktree || row instanceof TranscriptRow.Setup
                || row instanceof TranscriptRow.Reverted || row instanceof TranscriptRow.Changes
                || row instanceof TranscriptRow.Thinking;
        pseudoClassStateChanged(USER, row instanceof TranscriptRow.Message m && m.fromUser());
        pseudoClassStateChanged(AGENT, bubbleRow && !(row instanceof TranscriptRow.Message m && m.fromUser()));
        pseudoClassStateChanged(STATUS, row instanceof TranscriptRow.Note n && !n.detail());
        pseudoClassStateChanged(DETAIL, row instanceof TranscriptRow.Note n && n.detail());
        pseudoClassStateChanged(STEP, lineRow && !(row instanceof TranscriptRow.Note));
        pseudoClassStateChanged(CARD, row != null && !bubbleRow && !lineRow);
        setContextMenu(null);
        if (empty || row == null) {
            show(null);
        } else if (row instanceof TranscriptRow.Message message) {
            show(bubble().show(message));
            setContextMenu(menus.message());
        } else if (row instanceof TranscriptRow.Streaming streaming) {
            show(bubble().show(streaming));
        } else if (row instanceof TranscriptRow.Step card) {
            show(step().show(card, () -> model.toggleExpanded(card.entry().id())));
            setContextMenu(menus.step());
        } else if (row instanceof TranscriptRow.Question card) {
            show(question(card, sameEntry));
        } else if (row instanceof TranscriptRow.Thinking line) {
            if (thinking == null) {
                thinking = new ThinkingLine();
            }
            show(thinking.show(line, () -> model.toggleExpanded(line.entry().id())));
        } else if (row instanceof TranscriptRow.Todos card) {
            if (todos == null) {
                todos = new TodoCard();
            }
            show(todos.show(card));
        } else if (row instanceof TranscriptRow.HookRun line) {
            if (hook == null) {
                hook = new HookLine();
            }
            show(hook.show(line, () -> model.toggleExpanded(line.entry().id())));
        } else if (row instanceof TranscriptRow.Compacted line) {
            if (divider == null) {
                divider = new CompactedDivider();
            }
            show(divider.show(line, () -> model.toggleExpanded(line.entry().id())));
        } else if (row instanceof TranscriptRow.Worktree line) {
            if (worktree == null) {
                worktree = new WorktreeLine();
            }
            show(worktree.show(line));
        } else if (row instanceof TranscriptRow.Setup line) {
            if (setup == null) {
                setup = new SetupLine();
            }
            show(setup.show(line, () -> model.toggleExpanded(line.entry().id())));
        } else if (row instanceof TranscriptRow.Changes line) {
            if (changes == null) {
                changes = new ChangesLine(latest -> {
                    if (messages != null) {
                        messages.reviewChanges(latest);
                    }
                });
            }
            show(changes.show(line, isLatestChanges(line)));
        } else if (row instanceof TranscriptRow.Reverted line) {
            if (reverted == null) {
                reverted = new RevertedDivider();
            }
            show(reverted.show(line));
        } else if (row instanceof TranscriptRow.Note line) {
            show(note(line.text() + "  ·  " + TIME.format(line.entry().processedAt())));
        } else if (row instanceof TranscriptRow.Approval card) {
            show(approval(card, sameEntry));
        } else if (row instanceof TranscriptRow.Notice card) {
            show(card.kind() == NoticeKind.STOPPED ? stopped(card) : notice(card));
        } else if (row instanceof TranscriptRow.Spec card) {
            show(spec(card, sameEntry));
        }
    }

    private MessageBubble bubble() {
        if (bubble == null) {
            bubble = new MessageBubble(messages == null ? null : new MessageTools(messages),
                    message -> CellMenus.copy(message.text()), message -> actions.forkFrom(message.entry().id()),
                    model.markdown(), link -> model.linkOpener().accept(link));
        }
        return bubble;
    }

    private Node note(String text) {
        if (note == null) {
            note = new Label();
            note.getStyleClass().add("status-line");
            note.setWrapText(true);
            noteRow = new HBox(note);
            noteRow.setAlignment(Pos.CENTER);
        }
        note.setText(text);
        return noteRow;
    }

    private Node approval(TranscriptRow.Approval row, boolean sameEntry) {
        if (approval == null) {
            approval = new ApprovalCard();
        }
        if (!sameEntry) {
            approval.denyMessageProperty().set("");
        }
        String id = row.entry().id();
        approval.setDisable(false);
        approval.toolProperty().set(row.tool());
        approval.requesterProperty().set(row.requester());
        approval.reasonProperty().set(row.reason());
        approval.subjectProperty().set(row.input().subject());
        approval.detailsProperty().set(row.input().rest());
        approval.previewProperty().set(row.input().preview());
        approval.diffPreviewProperty().set(row.input().diff());
        approval.openProperty().set(row.open());
        approval.outcomeProperty().set("Not answered: the turn ended first.");
        approval.onAllowOnceProperty().set(() -> answered(() -> actions.answer(id, Decision.ALLOW, false, null)));
        approval.onAllowAlwaysProperty().set(() -> answered(() -> actions.answer(id, Decision.ALLOW, true, null)));
        approval.onDenyProperty().set(text -> answered(() -> actions.answer(id, Decision.DENY, false, text)));
        return approval;
    }

    /** One answer per card: the buttons go quiet until the answer comes back as a journal entry. */
    private void answered(Runnable answer) {
        approval.setDisable(true);
        answer.run();
    }

    private ToolStepView step() {
        if (step == null) {
            step = new ToolStepView();
        }
        return step;
    }

    private Node question(TranscriptRow.Question row, boolean sameEntry) {
        if (question == null) {
            question = new QuestionCard();
        }
        if (!sameEntry) {
            question.draftProperty().set("");
        }
        String id = row.entry().id();
        question.setDisable(false);
        question.questionProperty().set(row.question());
        question.getOptions().setAll(row.options());
        question.defaultOptionProperty().set(row.defaultOption());
        question.openProperty().set(row.open());
        question.outcomeProperty().set(row.reply() != null ? "You answered: " + row.reply()
                : row.declined() ? "You declined to answer." : "Not answered: the turn ended first.");
        question.onAnswerProperty().set(reply -> {
            question.setDisable(true); // one answer per card: it comes back as a journal entry
            actions.answerQuestion(id, reply);
        });
        return question;
    }

    private Node notice(TranscriptRow.Notice row) {
        if (notice == null) {
            notice = new NoticeCard();
        }
        notice.kindProperty().set(row.kind());
        notice.messageProperty().set(row.text());
        notice.openProperty().set(row.open());
        notice.onActionProperty().set(row.kind() == NoticeKind.ERROR ? actions::retry : actions::resume);
        return notice;
    }

    private Node stopped(TranscriptRow.Notice row) {
        if (stopped == null) {
            stoppedText = new Label();
            stoppedText.setGraphic(new FontIcon(Feather.SQUARE));
            stoppedText.getStyleClass().add("stopped-marker");
            stopped = new HBox(stoppedText);
            stopped.setAlignment(Pos.CENTER);
        }
        stoppedText.setText("Stopped by you  ·  " + TIME.format(row.entry().processedAt()));
        return stopped;
    }

    private Node spec(TranscriptRow.Spec row, boolean sameEntry) {
        if (spec == null) {
            spec = new SpecCard();
        }
        if (!sameEntry) {
            spec.changeRequestProperty().set("");
            spec.whenProperty().set("");
            spec.problemProperty().set("");
        }
        String id = row.entry().id();
        spec.markdownProperty().set(row.markdown());
        spec.tasksProperty().set(row.tasks().stream().map(TodoItem::content).toList());
        spec.openProperty().set(row.open());
        spec.outcomeProperty().set(row.accepted() == null ? "A newer spec or message replaced this one."
                : "schedule".equals(row.accepted()) ? "Accepted for a scheduled run" : "Accepted: building");
        spec.onBuildProperty().set(actions::build);
        spec.onRequestChangesProperty().set(text -> {
            spec.problemProperty().set("");
            actions.requestChanges(text, problem -> problemFor(id, problem));
        });
        spec.onScheduleProperty().set(when -> {
            spec.problemProperty().set("");
            actions.schedule(when, row.tasks(), problem -> problemFor(id, problem), () -> { });
        });
        return spec;
    }

    private void problemFor(String entryId, String problem) {
        if (entryId.equals(shownEntryId) && spec != null) {
            spec.problemProperty().set(problem);
        }
    }

    /** Whether no later turn changed files: then the Review tab shows the Last Turn, else the whole quest. */
    private boolean isLatestChanges(TranscriptRow.Changes line) {
        List<TranscriptRow> rows = model.rows();
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i) instanceof TranscriptRow.Changes later) {
                return later.entry().id().equals(line.entry().id());
            }
        }
        return true;
    }
}
