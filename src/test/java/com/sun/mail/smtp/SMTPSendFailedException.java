package com.sun.mail.smtp;

/**
 * A stand-in for JavaMail 1.x's {@code com.sun.mail.smtp.SMTPSendFailedException}, with the same name and
 * getters: smtp-doctor must read the legacy exceptions by name, without depending on the old library.
 */
public class SMTPSendFailedException extends Exception {
    private final String command;
    private final int returnCode;

    public SMTPSendFailedException(String command, int returnCode, String message) {
        super(message);
        this.command = command;
        this.returnCode = returnCode;
    }

    public String getCommand() {
        return command;
    }

    public int getReturnCode() {
        return returnCode;
    }
}
