package io.parbench.inspect;

import static io.parbench.inspect.ModuleBytes.bytes;
import static io.parbench.inspect.ModuleBytes.uleb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteReaderTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 127, 128, 624485, 0x7FFFFFFFL, 0xFFFFFFFFL})
    void u32RoundTripsEveryLength(long value) throws Exception {
        ByteReader r = new ByteReader(uleb(value));
        assertEquals(value, r.u32() & 0xFFFFFFFFL);
        assertTrue(r.atEnd());
    }

    @Test
    void u32ReadsTheSpecExampleAndPaddedEncodings() throws Exception {
        assertEquals(624485, new ByteReader(bytes(0xE5, 0x8E, 0x26)).u32());
        assertEquals(3, new ByteReader(bytes(0x83, 0x80, 0x80, 0x80, 0x00)).u32(), "padding to 5 bytes is allowed");
    }

    @Test
    void u32LongerThanFiveBytesIsAnOverflow() {
        var e = assertThrows(WasmFormatException.class, () -> new ByteReader(bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x00)).u32());
        assertTrue(e.getMessage().contains("longer than the 5 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("offset 0"), e.getMessage());
    }

    @Test
    void u32WithBitsBeyond32IsTooLarge() {
        var e = assertThrows(WasmFormatException.class, () -> new ByteReader(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x1F)).u32());
        assertTrue(e.getMessage().contains("does not fit in 32 bits"), e.getMessage());
    }

    @Test
    void u64ReadsMemory64Offsets() throws Exception {
        assertEquals(0x1_0000_0000L, new ByteReader(uleb(0x1_0000_0000L)).u64());
        assertEquals(-1L, new ByteReader(uleb(-1L)).u64());
    }

    @Test
    void signedSkipsStopAtTheirLength() throws Exception {
        ByteReader r = new ByteReader(bytes(0x7F, 0x80, 0x80, 0x80, 0x80, 0x78, 0x40));
        r.skipSigned(32); // -1 in one byte
        r.skipSigned(32); // INT_MIN in five
        assertEquals(0x40, r.u8());
        var e = assertThrows(WasmFormatException.class, () -> new ByteReader(bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x00)).skipSigned(33));
        assertTrue(e.getMessage().contains("5 bytes a 33-bit value"), e.getMessage());
    }

    @Test
    void truncatedIntegerSaysTruncated() {
        var e = assertThrows(WasmFormatException.class, () -> new ByteReader(bytes(0x80, 0x80)).u32());
        assertTrue(e.getMessage().contains("unexpected end of data"), e.getMessage());
    }

    @Test
    void namesAreUtf8AndBounded() throws Exception {
        assertEquals("mémoire", new ByteReader(ModuleBytes.name("mémoire")).name("a name"));
        var tooLong = assertThrows(WasmFormatException.class, () -> new ByteReader(bytes(0xFF, 0xFF, 0xFF, 0x7F, 0x41)).name("an export's name"));
        assertTrue(tooLong.getMessage().contains("an export's name is said to be 268435455 bytes long but only 1 bytes remain"), tooLong.getMessage());
        var notUtf8 = assertThrows(WasmFormatException.class, () -> new ByteReader(bytes(2, 0xC3, 0x28)).name("an import's name"));
        assertTrue(notUtf8.getMessage().contains("an import's name is not valid UTF-8"), notUtf8.getMessage());
    }

    @Test
    void slicesCannotReachPastTheirParent() throws Exception {
        ByteReader r = new ByteReader(bytes(1, 2, 3, 4));
        ByteReader s = r.slice(2, "a section");
        assertEquals(2, r.position());
        s.u8();
        s.u8();
        assertThrows(WasmFormatException.class, s::u8);
        assertThrows(WasmFormatException.class, () -> s.skip(1));
        var e = assertThrows(WasmFormatException.class, () -> r.slice(3, "the code section"));
        assertTrue(e.getMessage().contains("the code section declares 3 bytes but only 2 remain"), e.getMessage());
    }
}
