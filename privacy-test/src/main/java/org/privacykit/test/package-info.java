/** Assertions and a JUnit Jupiter extension for privacy in unit tests. */
package org.privacykit.test;
