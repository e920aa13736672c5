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
    void eachForkAddsALineOfSixteenHexDigits() throws Exception {
        Path file = dir.resolve("sub/checksum.txt");
        assertEquals(List.of(), ChecksumFile.read(file));
        ChecksumFile.append(file, 0x00000000000000ABL);
        ChecksumFile.append(file, -1L);
        assertEquals("00000000000000ab\nffffffffffffffff\n", Files.readString(file));
        assertEquals(List.of(0xABL, -1L), ChecksumFile.read(file));
    }

    @Test
    void aFileOfSomethingElseIsRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("junk.txt"), "not a checksum\n");
        assertThrows(IllegalStateException.class, () -> ChecksumFile.read(file));
    }
}
