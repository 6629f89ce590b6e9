/** The demo installation: a provider and two resellers on {@code *.localhost}, seeded into an empty database. */
package io.marque.portal.demo;
