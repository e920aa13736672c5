package io.parbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a results file holds, said truly whether its saves succeed, fail or stop. */
class SavedDocumentTest {

    @TempDir Path dir;

    @Test
    void aFailedFirstSaveSaysThePreviousCompleteResultsWereKept() throws IOException {
        Path file = dir.resolve("results.json");
        RunDocument previous = complete(ResultsDocumentTest.sample());
        ResultsWriter.write(previous, file);
        SavedDocument<RunDocument> saved = SavedDocument.results(file, 8);
        blockWrites();

        OutputFileException e = assertThrows(OutputFileException.class, () -> saved.save(empty(previous)));
        assertTrue(e.getMessage().startsWith("Could not write the results to " + file + ": "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" The previous results (complete, 2 configurations) at " + file + " was kept."), e.getMessage());
        assertEquals(previous, ResultsReader.read(file));
    }

    @Test
    void aFailedLaterSaveSaysWhatTheLastSaveOfThisRunHolds() throws IOException {
        Path file = dir.resolve("results.json");
        SavedDocument<RunDocument> saved = SavedDocument.results(file, 8);
        RunDocument partial = withForks(ResultsDocumentTest.sample(), 2);
        saved.save(partial);
        blockWrites();

        OutputFileException e = assertThrows(OutputFileException.class, () -> saved.save(partial));
        assertTrue(e.getMessage().endsWith(" " + file + " holds this run's 2 of 8 forks (marked incomplete)."), e.getMessage());
        assertEquals(partial, ResultsReader.read(file));
    }

    @Test
    void withNothingWrittenItSaysSo() {
        Path file = dir.resolve("results.json");
        assertEquals("Nothing was written to " + file + ".", SavedDocument.results(file, 3).onDisk());
    }

    /** Stopped as the process exits: a save does not write, and the thread that measures waits there for the end. */
    @Test
    void onceStoppedItTakesNoMoreSaves() throws InterruptedException {
        Path file = dir.resolve("results.json");
        SavedDocument<RunDocument> saved = SavedDocument.results(file, 8);
        RunDocument partial = ResultsDocumentTest.sample();
        saved.save(empty(partial));
        saved.stop();
        Thread measuring = Thread.ofPlatform().start(() -> saved.save(partial));
        while (measuring.getState() != Thread.State.WAITING) {
            assertTrue(measuring.isAlive(), "the save returned instead of waiting");
            Thread.onSpinWait();
        }
        measuring.interrupt();
        measuring.join();
        assertEquals(0, ResultsReader.read(file).configurations().size());
        assertEquals(file + " holds this run's 0 of 8 forks (marked incomplete).", saved.onDisk());
    }

    /** The temporary file's name taken by a folder: every write to results.json fails from now on. */
    private void blockWrites() throws IOException {
        Files.createDirectory(dir.resolve(".results.json." + ProcessHandle.current().pid() + ".tmp"));
    }

    private static RunDocument complete(RunDocument doc) {
        RunInfo r = doc.run();
        return new RunDocument(doc.format(), doc.version(), new RunInfo(r.parbenchVersion(), r.commandLine(), r.started(), r.started(), true,
                r.seed(), r.profile(), r.settings()), doc.environment(), doc.forks(), doc.configurations());
    }

    private static RunDocument empty(RunDocument doc) {
        return new RunDocument(doc.format(), doc.version(), doc.run(), doc.environment(), List.of(), List.of());
    }

    /** The document as if {@code count} forks of its first configuration's series had measured it. */
    private static RunDocument withForks(RunDocument doc, int count) {
        ConfigurationResult first = doc.configurations().getFirst();
        List<ForkRecord> forks = IntStream.rangeClosed(1, count)
                .mapToObj(id -> new ForkRecord(id, first.configuration().series(), List.of(first.configuration().workers()), Status.OK, null,
                        1, 1, null, null, null, 1, doc.run().started(), List.of()))
                .toList();
        return new RunDocument(doc.format(), doc.version(), doc.run(), doc.environment(), forks, doc.configurations());
    }
}
