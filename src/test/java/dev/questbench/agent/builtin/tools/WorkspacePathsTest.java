package dev.questbench.agent.builtin.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspacePathsTest {
    @TempDir
    Path temp;
    private Path workspace;
    private Path outside;
    private ToolFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        workspace = Files.createDirectory(temp.resolve("ws")).toRealPath();
        outside = Files.createDirectory(temp.resolve("outside")).toRealPath();
        Files.writeString(outside.resolve("secret.txt"), "top secret\n");
        fixture = new ToolFixture(workspace);
    }

    @Test
    void relativePathsResolveInsideAndDotsAreNormalised() throws Exception {
        assertEquals(workspace.resolve("src/A.java"), WorkspacePaths.resolve(workspace, "src/A.java"));
        assertEquals(workspace.resolve("b.txt"), WorkspacePaths.resolve(workspace, "src/../b.txt"));
        assertEquals(workspace.resolve("x"), WorkspacePaths.resolve(workspace, workspace + "/x"));
    }

    @Test
    void dotDotEscapeIsRefusedWithAMessageTheModelCanActOn() {
        ToolException e = assertThrows(ToolException.class, () -> WorkspacePaths.resolve(workspace, "../x"));
        assertEquals("Path '../x' is outside the workspace " + workspace
                + "; tools can only touch files inside it.", e.getMessage());
    }

    @Test
    void absolutePathOutsideIsRefused() {
        ToolException e = assertThrows(ToolException.class,
                () -> WorkspacePaths.resolve(workspace, outside.resolve("secret.txt").toString()));
        assertTrue(e.getMessage().contains("outside the workspace"), e.getMessage());
    }

    @Test
    void emptyPathIsRefused() {
        assertThrows(ToolException.class, () -> WorkspacePaths.resolve(workspace, " "));
    }

    @Test
    void symlinkToAFileOutsideCannotBeRead() throws Exception {
        Files.createSymbolicLink(workspace.resolve("link.txt"), outside.resolve("secret.txt"));
        ToolException e = assertThrows(ToolException.class,
                () -> fixture.run(new ReadTool(), "file_path", "link.txt"));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    }

    @Test
    void writingIntoASymlinkedFolderThatLeadsOutsideIsRefused() throws Exception {
        Files.createSymbolicLink(workspace.resolve("out"), outside);
        ToolException e = assertThrows(ToolException.class,
                () -> fixture.run(new WriteTool(), "file_path", "out/new/evil.txt", "content", "x"));
        assertTrue(e.getMessage().contains("outside the workspace"), e.getMessage());
        assertFalse(Files.exists(outside.resolve("new")));
    }

    @Test
    void danglingSymlinkPointingOutsideCannotBeWrittenThrough() throws Exception {
        Files.createSymbolicLink(workspace.resolve("dangling"), outside.resolve("created-by-tool.txt"));
        assertThrows(ToolException.class,
                () -> fixture.run(new WriteTool(), "file_path", "dangling", "content", "x"));
        assertFalse(Files.exists(outside.resolve("created-by-tool.txt")));
    }

    @Test
    void symlinkInsideTheWorkspaceIsFollowed() throws Exception {
        Files.createDirectories(workspace.resolve("real"));
        Files.createSymbolicLink(workspace.resolve("alias"), workspace.resolve("real"));
        assertEquals(workspace.resolve("real/f.txt"), WorkspacePaths.resolve(workspace, "alias/f.txt"));
    }

    @Test
    void workspaceGivenThroughASymlinkStillAcceptsItsOwnAbsolutePaths() throws Exception {
        Path named = Files.createSymbolicLink(temp.resolve("named"), workspace);
        assertEquals(workspace.resolve("a.txt"), WorkspacePaths.resolve(named, named + "/a.txt"));
    }

    @Test
    void relativeUsesForwardSlashes() {
        assertEquals("src/main/A.java", WorkspacePaths.relative(workspace, workspace.resolve("src/main/A.java")));
        assertEquals(".", WorkspacePaths.relative(workspace, workspace));
    }

    @Test
    void globAndGrepPathsAreConfinedToo() {
        assertThrows(ToolException.class, () -> fixture.run(new GlobTool(), "pattern", "*", "path", ".."));
        assertThrows(ToolException.class, () -> fixture.run(new GrepTool(), "pattern", "secret",
                "path", outside.toString()));
    }
}
