package org.privacykit.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.Sensitive;

/** A test entity without a data subject, with a generated identifier. */
@Entity
public class Note {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    private String title;

    @Sensitive("free text that may name people")
    @Encrypted
    @Column(length = 8000)
    private String text;

    protected Note() {
    }

    Note(String title, String text) {
        this.title = title;
        this.text = text;
    }

    Long id() {
        return id;
    }

    String title() {
        return title;
    }

    String text() {
        return text;
    }

    void text(String text) {
        this.text = text;
    }
}
