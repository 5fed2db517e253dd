/** Field-level encryption, key rings, rotation, crypto-shredding and blind indexes. */
package org.privacykit.crypto;
