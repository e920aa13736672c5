package io.parbench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import io.parbench.kernels.PoolAccount;
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
        BlockRecord plain = new BlockRecord(40, 1000, 5000, 6100, null);
        BlockRecord pooled = new BlockRecord(40, 1000, 5000, 6100, new PoolAccount("pb_pool", 1000, 40L, List.of(
                new PoolAccount.Worker(900L, 50L, 50L, 0L, 0L, 2L, 1L, 1L, 30L),
                new PoolAccount.Worker(700L, null, null, null, null, null, null, null, null))));
        ChecksumFile.append(file, "2", 0x00000000000000ABL, plain);
        ChecksumFile.append(file, "A1", -1L, pooled);
        assertEquals("2 00000000000000ab steps=40 wall=1000 start=5000 end=6100\n"
                + "A1 ffffffffffffffff steps=40 wall=1000 start=5000 end=6100 pool=pb_pool window=1000 regions=40"
                + " worker=900,50,50,0,0,2,1,1,30 worker=700,-,-,-,-,-,-,-,-\n", Files.readString(file));
        assertEquals(List.of(new ChecksumFile.Line("2", 0xABL, plain), new ChecksumFile.Line("A1", -1L, pooled)), ChecksumFile.read(file));
    }

    @Test
    void aFileOfSomethingElseIsRejected() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.txt"), "not a checksum\n");
        assertThrows(IllegalStateException.class, () -> ChecksumFile.read(junk));
        Path old = Files.writeString(dir.resolve("old.txt"), "00000000000000ab\n");
        assertThrows(IllegalStateException.class, () -> ChecksumFile.read(old));
    }
}
