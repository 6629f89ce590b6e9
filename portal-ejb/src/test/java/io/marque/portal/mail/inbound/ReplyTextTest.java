package io.marque.portal.mail.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Only what the customer wrote above the quoted history becomes the ticket message. */
class ReplyTextTest {

    private static final String MARKER = ReplyText.MARKER;

    // --- the marker ----------------------------------------------------------------------------

    @Test
    void cutsAtTheMarkerLine() {
        assertEquals("Fixed, thanks.", ReplyText.strip("Fixed, thanks.\n" + MARKER + "\nHello Jane,\nyour server is up.\n"));
    }

    @Test
    void cutsAtAQuotedMarkerLine() {
        assertEquals("Fixed.", ReplyText.strip("Fixed.\n\n> " + MARKER + "\n> Hello Jane,\n"));
        assertEquals("Fixed.", ReplyText.strip("Fixed.\n\n> > " + MARKER + "\n"));
        assertEquals("Fixed.", ReplyText.strip("Fixed.\n\n>" + MARKER + "\n"));
    }

    // --- clients -------------------------------------------------------------------------------

    @Test
    void gmail() {
        String mail = """
                Thanks, that fixed it!

                Jane

                On Tue, 3 Nov 2026 at 10:00, Acme Cloud <support@acme.example> wrote:

                > ##- Please type your reply above this line -##
                >
                > Hello Jane,
                > your server is back.
                """;
        assertEquals("Thanks, that fixed it!\n\nJane", ReplyText.strip(mail));
    }

    @Test
    void gmailWithTheHeaderWrappedOverTwoLines() {
        String mail = """
                Still broken, see the log below.

                On Tue, Nov 3, 2026 at 10:00 AM Acme Cloud <support@acme.example>
                wrote:

                > Hello Jane,
                """;
        assertEquals("Still broken, see the log below.", ReplyText.strip(mail));
    }

    @Test
    void outlookHeaderBlockWithItsRule() {
        String mail = """
                Hi,

                please restart it again.

                Regards
                Jane

                ________________________________
                From: Acme Cloud <support@acme.example>
                Sent: Tuesday, November 3, 2026 10:00 AM
                To: Jane Doe <jane@example.com>
                Subject: [#1234] Server down

                ##- Please type your reply above this line -##
                Hello Jane,
                """;
        assertEquals("Hi,\n\nplease restart it again.\n\nRegards\nJane", ReplyText.strip(mail));
    }

    @Test
    void outlookHeaderBlockWithDateAndBoldLabels() {
        assertEquals("Done.", ReplyText.strip("Done.\n\nFrom: Acme Cloud <support@acme.example>\nTo: Jane\n"
                + "Cc: Ops\nDate: Tue, 3 Nov 2026 10:00\nSubject: x\n\nold text"));
        assertEquals("Done.", ReplyText.strip("Done.\n\n*From:* Acme Cloud <support@acme.example>\n"
                + "*Sent:* Tuesday, November 3, 2026 10:00 AM\n"));
    }

    @Test
    void outlookOriginalMessage() {
        String mail = """
                Done, you can close the ticket.

                -----Original Message-----
                From: Acme Cloud [mailto:support@acme.example]
                Sent: Tuesday, November 03, 2026 10:00 AM
                Subject: RE: [#1234] Server down
                """;
        assertEquals("Done, you can close the ticket.", ReplyText.strip(mail));
    }

    @Test
    void thunderbirdWithSignature() {
        String mail = """
                Hello,

                the backup is still missing.

                --\u0020
                Jane Doe
                Example Ltd.

                On 03.11.2026 10:00, Acme Cloud wrote:
                > ##- Please type your reply above this line -##
                > Hello Jane,
                """;
        assertEquals("Hello,\n\nthe backup is still missing.", ReplyText.strip(mail));
    }

    @Test
    void appleMailOnTheIphoneQuotesTheHeader() {
        String mail = """
                Works now, thank you.

                Sent from my iPhone

                > On 3 Nov 2026, at 10:00, Acme Cloud <support@acme.example> wrote:
                >\u0020
                > ##- Please type your reply above this line -##
                > Hello Jane,
                """;
        assertEquals("Works now, thank you.\n\nSent from my iPhone", ReplyText.strip(mail));
    }

    @Test
    void appleMailOnTheMac() {
        String mail = """
                Works now.

                On 3 Nov 2026, at 10:00, Acme Cloud <support@acme.example> wrote:

                Hello Jane,
                your server is back.
                """;
        assertEquals("Works now.", ReplyText.strip(mail));
    }

    @Test
    void yandex() {
        String mail = """
                Спасибо, всё заработало.

                03.11.2026, 10:00, "Acme Cloud" <support@acme.example>:
                > ##- Please type your reply above this line -##
                > Здравствуйте!
                """;
        assertEquals("Спасибо, всё заработало.", ReplyText.strip(mail));
    }

    @Test
    void mailRu() {
        String mail = """
                Добрый день!
                Сервер снова недоступен.


                Вторник, 3 ноября 2026, 10:00 +03:00 от Acme Cloud <support@acme.example>:

                Здравствуйте, Иван!
                Сервер перезапущен.
                """;
        assertEquals("Добрый день!\nСервер снова недоступен.", ReplyText.strip(mail));
        assertEquals("Добрый день!", ReplyText.strip(
                "Добрый день!\n\n>Вторник, 3 ноября 2026, 10:00 +03:00 от Acme Cloud <support@acme.example>:\n>\n>Текст"));
    }

    @Test
    void russianGmail() {
        assertEquals("Спасибо!", ReplyText.strip(
                "Спасибо!\n\nвт, 3 нояб. 2026 г. в 10:00, Acme Cloud <support@acme.example>:\n\n> Здравствуйте"));
    }

    @Test
    void russianThunderbirdAppleMailAndKMail() {
        assertEquals("Готово.", ReplyText.strip("Готово.\n\n03.11.2026 10:00, Acme Cloud пишет:\n> Текст"));
        assertEquals("Готово.", ReplyText.strip(
                "Готово.\n\n3 нояб. 2026 г., в 10:00, Acme Cloud <support@acme.example> написал(а):\n\n> Текст"));
        assertEquals("Готово.", ReplyText.strip("Готово.\n\nВ сообщении от вторник, 3 ноября 2026 г. 10:00:00 MSK "
                + "пользователь Acme Cloud написал:\n> Текст"));
        assertEquals("Готово.", ReplyText.strip("Готово.\n\n03.11.2026 10:00, Анна написала:\n> Текст"));
    }

    @Test
    void russianHeaderWrappedOverTwoLines() {
        assertEquals("Готово.", ReplyText.strip(
                "Готово.\n\n3 нояб. 2026 г., в 10:00, Служба поддержки Acme Cloud <support@acme.example>\n"
                        + "написал(а):\n\n> Текст"));
    }

    @Test
    void russianOutlook() {
        String mail = """
                Проверьте, пожалуйста, ещё раз.

                ________________________________
                От: Acme Cloud <support@acme.example>
                Отправлено: 3 ноября 2026 г. 10:00
                Кому: Иван <ivan@example.ru>
                Тема: [#1234] Сервер недоступен
                """;
        assertEquals("Проверьте, пожалуйста, ещё раз.", ReplyText.strip(mail));
        assertEquals("Ок.", ReplyText.strip("Ок.\n\n-----Исходное сообщение-----\nОт: Acme"));
    }

    // --- what stays ----------------------------------------------------------------------------

    @Test
    void keepsInlineQuotesThatNewTextAnswers() {
        String mail = """
                > Which server is affected?
                web-01.

                > Since when?
                Since this morning.

                > Anything else?
                > Please describe.

                On Tue, 3 Nov 2026 at 10:00, Acme Cloud <support@acme.example> wrote:
                > Which server is affected?
                """;
        assertEquals("> Which server is affected?\nweb-01.\n\n> Since when?\nSince this morning.",
                ReplyText.strip(mail));
    }

    @Test
    void dropsQuotedLinesAndBlankLinesLeftAtTheEnd() {
        assertEquals("New text.", ReplyText.strip("New text.\n\n> old\n>\n\n> older\n   \n"));
    }

    @Test
    void textWithoutAQuoteIsOnlyTrimmed() {
        String body = "Hello,\n\n  my server is down:\n    $ ping web-01\n\nThanks";
        assertEquals(body, ReplyText.strip("\n\n  \n" + body + "  \n\n\n"));
    }

    @Test
    void ordinaryLinesAreNotTakenForHeaders() {
        String body = """
                On Monday the server crashed and your colleague wrote:
                restart it. I did.
                From: my laptop, at home
                Subject: unchanged
                ---
                Написала в поддержку:
                ответа нет.
                Для тарифа 2 пишите <sales@acme.example>:
                done""";
        assertEquals(body, ReplyText.strip(body));
    }

    @Test
    void anOutlookFromLineNeedsSentOrDateWithinFourLines() {
        String far = "Hi\nFrom: Acme\nTo: a\nCc: b\nBcc: c\nReply-To: d\nSent: today";
        assertEquals(far, ReplyText.strip(far));
        assertEquals("Hi", ReplyText.strip("Hi\nFrom: Acme\nTo: a\nCc: b\nSent: today"));
    }

    @Test
    void theSignatureDelimiterIsDashDashSpaceOrDashDashAlone() {
        assertEquals("Thanks", ReplyText.strip("Thanks\n-- \nJane"));
        assertEquals("Thanks", ReplyText.strip("Thanks\n--\nJane"));
        assertEquals("Thanks\n---\nJane", ReplyText.strip("Thanks\n---\nJane"));
        assertEquals("Thanks\n-- Jane", ReplyText.strip("Thanks\n-- Jane"));
    }

    @Test
    void theFirstMarkWins() {
        String mail = "Answer\n-- \nJane\n" + MARKER + "\nmore\n-----Original Message-----\n";
        assertEquals("Answer", ReplyText.strip(mail));
        assertEquals("> a question\nAnswer", ReplyText.strip("> a question\nAnswer\n-- \nJane\n\n" + MARKER));
        // a quote left just above the cut is history, even if the cut was a signature
        assertEquals("Answer", ReplyText.strip("Answer\n> a quote\n-- \nJane\n\n" + MARKER));
    }

    // --- odd input -----------------------------------------------------------------------------

    @Test
    void normalisesLineEndings() {
        assertEquals("Line one\nLine two", ReplyText.strip("Line one\r\nLine two\r\n\r\n> " + MARKER + "\r\n> old\r\n"));
        assertEquals("Line one\nLine two", ReplyText.strip("Line one\rLine two\r"));
    }

    @Test
    void neverNullAndEmptyWhenNothingIsNew() {
        assertEquals("", ReplyText.strip(null));
        assertEquals("", ReplyText.strip(""));
        assertEquals("", ReplyText.strip("   \n\n"));
        assertEquals("", ReplyText.strip(MARKER + "\nHello"));
        assertEquals("", ReplyText.strip("> only\n> quotes\n"));
        assertEquals("", ReplyText.strip("On Tue, 3 Nov 2026 at 10:00, Acme Cloud <support@acme.example> wrote:\n> x"));
    }
}
