package io.marque.portal.mail.inbound;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Properties;

/**
 * Fetches the unread mails of one IMAP mailbox and hands each to a handler, marking a mail read only
 * after the handler has accepted it (law 5). Mails are read with {@code BODY.PEEK}, so reading alone
 * never marks them: a crash between the handler's commit and the flag means the mail is fetched again,
 * which the handler's de-duplication makes harmless; a crash before the commit loses nothing.
 *
 * <p>Every network wait is bounded ({@value #TIMEOUT_MILLIS} ms to connect and per read), so a dead
 * server cannot hold up a round.
 */
final class ImapInbox {

    static final int TIMEOUT_MILLIS = 10_000;

    /** Takes one raw mail; true when it was dealt with for good and may be marked read. */
    @FunctionalInterface
    interface Handler {
        boolean accept(byte[] raw);
    }

    /** What a fetch did: mails accepted, mails left unread (too large, or the handler failed). */
    record Round(int accepted, int left, boolean tooLarge) {
    }

    private ImapInbox() {
    }

    static Properties properties(ImapAccount account) {
        String protocol = protocol(account);
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put(p + "host", account.host());
        props.put(p + "port", String.valueOf(account.port()));
        props.put(p + "connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
        props.put(p + "timeout", String.valueOf(TIMEOUT_MILLIS));
        // reading a mail must not mark it read on the server: only an accepted mail is marked
        props.put(p + "peek", "true");
        props.put(p + "fetchsize", String.valueOf(1 << 20));
        if (account.tls()) {
            props.put(p + "ssl.checkserveridentity", "true");
        } else {
            props.put(p + "starttls.enable", "true");
        }
        return props;
    }

    static String protocol(ImapAccount account) {
        return account.tls() ? "imaps" : "imap";
    }

    /**
     * @param max the most mails taken in one round; the rest wait for the next
     */
    static Round fetch(ImapAccount account, int max, Handler handler) throws MessagingException, IOException {
        Session session = Session.getInstance(properties(account));
        int accepted = 0;
        int left = 0;
        boolean tooLarge = false;
        try (Store store = session.getStore(protocol(account))) {
            store.connect(account.host(), account.port(), account.user(), account.password());
            Folder folder = store.getFolder(account.folder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                Message[] batch = Arrays.copyOf(unseen, Math.min(unseen.length, max));
                FetchProfile profile = new FetchProfile();
                profile.add(FetchProfile.Item.SIZE);
                profile.add(FetchProfile.Item.FLAGS);
                folder.fetch(batch, profile);
                for (Message message : batch) {
                    if (message.isExpunged() || message.isSet(Flags.Flag.SEEN)) {
                        continue; // another client took it meanwhile
                    }
                    if (message.getSize() > InboundMail.MAX_RAW_BYTES) {
                        // left unread where the reseller sees it; the mailbox page says why
                        tooLarge = true;
                        left++;
                        continue;
                    }
                    ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.max(message.getSize(), 1024));
                    message.writeTo(raw);
                    if (handler.accept(raw.toByteArray())) {
                        message.setFlag(Flags.Flag.SEEN, true);
                        accepted++;
                    } else {
                        left++;
                    }
                }
            } finally {
                if (folder.isOpen()) {
                    folder.close(false);
                }
            }
        }
        return new Round(accepted, left, tooLarge);
    }
}
