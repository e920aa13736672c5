package io.parbench.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected values were computed from the KERNELS.md formulas with Python's big integers. */
class SplitMix64Test {

    @Test
    void stateZeroGivesTheCanonicalSplitMix64Sequence() {
        SplitMix64 random = new SplitMix64(0);
        assertEquals(0xE220A8397B1DCDAFL, random.next());
        assertEquals(0x6E789E6AA1B965F4L, random.next());
        assertEquals(0x06C45D188009454FL, random.next());
    }

    @Test
    void kernelInitMixesTagSizeAndSeed() {
        // init(sum, n=1, seed=42) = 42 + 1*GOLDEN + 1*0xD1B54A32D192ED03 = 0x6FECC3EC50DD6942
        SplitMix64 random = SplitMix64.forKernel(KernelSpec.SUM, 1, 42);
        assertEquals(SplitMix64.mix64(0x6FECC3EC50DD6942L + SplitMix64.GOLDEN), random.next());
        assertEquals(0x096C2783F1DBBC17L, SplitMix64.forKernel(KernelSpec.SUM, 1, 42).next());
    }

    @Test
    void unitAndSignedUseTheTop53Bits() {
        assertEquals(0.03680655452067938, SplitMix64.forKernel(KernelSpec.SUM, 1, 42).unit());
        assertEquals(-0.9263868909586412, SplitMix64.forKernel(KernelSpec.SUM, 1, 42).signed());
    }

    @Test
    void sequenceHashStartsFromTheLengthAndMixesEachValue() {
        assertEquals(0x243F6A8885A308D3L, SequenceHash.of(new long[0]));
        assertEquals(0xBB4D0013DCB29787L, SequenceHash.of(new long[] {1, 2}));
        assertEquals(0x9FAC58F09F220264L, SequenceHash.of(new double[] {-0.9263868909586412}));
    }

    @Test
    void referenceSumOfOneElementIsThatElement() {
        assertEquals(Double.doubleToRawLongBits(-0.9263868909586412), ReferenceChecksums.of(KernelSpec.SUM, 1, 42));
    }
}
