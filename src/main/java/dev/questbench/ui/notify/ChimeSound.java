package dev.questbench.ui.notify;

import java.awt.Toolkit;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.LineEvent;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Plays {@code chime.wav} (0.4 s, generated for Questbench) through {@code javax.sound.sampled}, which the
 * runtime already has (javafx.media, for {@code AudioClip}, would add a module and native libraries).
 */
final class ChimeSound implements NotificationSound {
    private static final Logger LOG = Logger.getLogger(ChimeSound.class.getName());

    private byte[] wav;

    @Override
    public void play() {
        try (AudioInputStream audio = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav()))) {
            Clip clip = AudioSystem.getClip();
            clip.addLineListener(event -> {
                if (event.getType() == LineEvent.Type.STOP) {
                    clip.close();
                }
            });
            clip.open(audio);
            clip.start();
        } catch (IOException | UnsupportedAudioFileException | LineUnavailableException
                 | IllegalArgumentException | SecurityException e) {
            LOG.log(Level.FINE, "no audio output; using the system beep", e);
            beep();
        }
    }

    private synchronized byte[] wav() throws IOException {
        if (wav == null) {
            try (InputStream in = ChimeSound.class.getResourceAsStream("chime.wav")) {
                if (in == null) {
                    throw new IOException("chime.wav is missing from the class path");
                }
                wav = in.readAllBytes();
            }
        }
        return wav;
    }

    private static void beep() {
        try {
            Toolkit.getDefaultToolkit().beep();
        } catch (RuntimeException | java.awt.AWTError e) {
            LOG.log(Level.FINE, "no system beep either", e); // a missing sound is not worth more
        }
    }
}
