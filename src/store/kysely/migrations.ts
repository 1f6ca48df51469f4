/**
 * Versioned schema migrations shared by every backend, written once with Kysely's schema
 * builder. Backend-specific objects (full-text indexes, append-only triggers) come from
 * each backend's own migrations, interleaved by name.
 */
import type { Kysely, Migration } from "kysely";

export const sharedMigrations: Record<string, Migration> = {
  "0001_archive": {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("sources")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("sha256", "text", (c) => c.notNull())
        .addColumn("size", "integer", (c) => c.notNull())
        .addColumn("format", "text", (c) => c.notNull())
        .addColumn("media_type", "text", (c) => c.notNull())
        .addColumn("encoding", "text")
        .addColumn("text_sha256", "text", (c) => c.notNull())
        .addColumn("text_length", "integer", (c) => c.notNull())
        .addColumn("needs_ocr", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("filename", "text")
        .addColumn("fetch", "text")
        .addColumn("ingested_at", "text", (c) => c.notNull())
        .addColumn("title", "text")
        .addColumn("publisher", "text")
        .addColumn("author", "text")
        .addColumn("url", "text")
        .addColumn("published", "text")
        .addColumn("language", "text")
        .addColumn("grade", "text")
        .addColumn("kind", "text")
        .addColumn("extra", "text", (c) => c.notNull().defaultTo("{}"))
        .execute();
      await db.schema
        .createTable("source_texts")
        .addColumn("source_id", "text", (c) => c.notNull().references("sources.id"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("sha256", "text", (c) => c.notNull())
        .addColumn("text", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("source_texts_pk", ["source_id", "kind"])
        .execute();
      await db.schema
        .createTable("custody")
        .addColumn("seq", "integer", (c) => c.primaryKey())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("actor", "text", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("source_id", "text")
        .addColumn("details", "text", (c) => c.notNull())
        .addColumn("prev_hash", "text", (c) => c.notNull())
        .addColumn("hash", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("custody_source").on("custody").column("source_id").execute();
    },
  },
  "0002_ledger": {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("datasets")
        .addColumn("name", "text", (c) => c.primaryKey())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("visibility", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("version", "text")
        .addColumn("source_id", "text")
        .addColumn("loaded_at", "text", (c) => c.notNull())
        .addColumn("extra", "text", (c) => c.notNull().defaultTo("{}"))
        .execute();
      await db.schema
        .createTable("entities")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("dataset", "text", (c) => c.notNull())
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("aliases", "text", (c) => c.notNull())
        .addColumn("attributes", "text", (c) => c.notNull())
        .addColumn("merged_into", "text")
        .execute();
      await db.schema.createIndex("entities_dataset_type").on("entities").columns(["dataset", "type"]).execute();
      await db.schema
        .createTable("entity_names")
        .addColumn("entity_id", "text", (c) => c.notNull())
        .addColumn("folded", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("entity_names_folded").on("entity_names").column("folded").execute();
      await db.schema.createIndex("entity_names_entity").on("entity_names").column("entity_id").execute();
      await db.schema
        .createTable("claims")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("dataset", "text", (c) => c.notNull())
        .addColumn("predicate", "text", (c) => c.notNull())
        .addColumn("subject_id", "text", (c) => c.notNull())
        .addColumn("object_id", "text", (c) => c.notNull())
        .addColumn("qualifiers", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("credibility", "integer")
        .addColumn("confidence", "real")
        .addColumn("origin", "text", (c) => c.notNull())
        .addColumn("assertion", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("note", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("claims_subject").on("claims").column("subject_id").execute();
      await db.schema.createIndex("claims_object").on("claims").column("object_id").execute();
      await db.schema.createIndex("claims_predicate").on("claims").column("predicate").execute();
      await db.schema.createIndex("claims_dataset").on("claims").column("dataset").execute();
      await db.schema
        .createTable("citations")
        .addColumn("claim_id", "text", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("source_id", "text", (c) => c.notNull())
        .addColumn("start", "integer", (c) => c.notNull())
        .addColumn("end", "integer", (c) => c.notNull())
        .addColumn("quote_sha256", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("citations_pk", ["claim_id", "position"])
        .execute();
      await db.schema.createIndex("citations_source").on("citations").column("source_id").execute();
      await db.schema
        .createTable("audit")
        .addColumn("seq", "integer", (c) => c.primaryKey())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("actor", "text", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("target_kind", "text", (c) => c.notNull())
        .addColumn("target_id", "text", (c) => c.notNull())
        .addColumn("before", "text")
        .addColumn("after", "text")
        .addColumn("reason", "text")
        .execute();
      await db.schema.createIndex("audit_target").on("audit").column("target_id").execute();
    },
  },
};
