/**
 * What the three areas share for tickets: uploads from forms, attachment downloads and PDF transcripts
 * (plain servlets, each asking the area's desk, so the same visibility rules guard files and pages).
 */
package io.marque.portal.web.ticket;
