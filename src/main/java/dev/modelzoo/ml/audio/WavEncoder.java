package dev.modelzoo.ml.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes mono samples in [-1, 1] as a 16-bit PCM WAV file. */
public final class WavEncoder {

    private WavEncoder() {
    }

    public static byte[] pcm16(float[] samples, int sampleRate) {
        ByteBuffer out = ByteBuffer.allocate(44 + 2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0x46464952).putInt(36 + 2 * samples.length).putInt(0x45564157);
        out.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1).putInt(sampleRate)
                .putInt(2 * sampleRate).putShort((short) 2).putShort((short) 16);
        out.putInt(0x61746164).putInt(2 * samples.length);
        for (float sample : samples) {
            out.putShort((short) Math.round(Math.max(-1, Math.min(1, sample)) * 32767));
        }
        return out.array();
    }
}
