package io.parbench.cli;

import io.parbench.process.Shutdown;
import io.parbench.results.SavedDocument;

/**
 * While a command measures into a file: on Ctrl-C or SIGTERM the file takes no more saves (what
 * is measured while the browsers are killed is not their failure), and once every process is
 * stopped the command says what the file holds. Closed when the measuring ends by itself.
 */
final class Interruption implements AutoCloseable {

    private final Shutdown.Registration stopSaving;
    private final Shutdown.Registration tell;

    private Interruption(SavedDocument<?> file) {
        stopSaving = Shutdown.at(Shutdown.Step.STOP_SAVING, file::stop);
        tell = Shutdown.at(Shutdown.Step.TELL, () -> {
            System.err.println();
            System.err.println("Interrupted: " + file.onDisk());
        });
    }

    static Interruption of(SavedDocument<?> file) {
        return new Interruption(file);
    }

    @Override
    public void close() {
        stopSaving.close();
        tell.close();
    }
}
