package io.parbench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumFileTest {
    @TempDir
    Path dir;

    @Test
    void eachBlockAddsALineOfItsPointAndSixteenHexDigits() throws Exception {
        Path file = dir.resolve("sub/checksum.txt");
        assertEquals(List.of(), ChecksumFile.read(file));
        ChecksumFile.append(file, "2", 0x00000000000000ABL);
        ChecksumFile.append(file, "A1", -1L);
        assertEquals("2 00000000000000ab\nA1 ffffffffffffffff\n", Files.readString(file));
        assertEquals(List.of(new ChecksumFile.Line("2", 0xABL), new ChecksumFile.Line("A1", -1L)), ChecksumFile.read(file));
    }

    @Test
    void aFileOfSomethingElseIsRejected() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.txt"), "not a checksum\n");
        assertThrows(IllegalStateException.class, () -> ChecksumFile.read(junk));
        Path old = Files.writeString(dir.resolve("old.txt"), "00000000000000ab\n");
        assertThrows(IllegalStateException.class, () -> ChecksumFile.read(old));
    }
}
