// Run by launcher/pgliteTemplate.ts: initializes an empty PGlite data directory at argv[2] (PGlite's
// initdb) and closes it cleanly, so that copies of it open without running initdb again.
import { PGlite } from "@electric-sql/pglite";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: pglite-template.mjs <directory>");
  process.exit(2);
}
const db = new PGlite(dir);
await db.query("SELECT 1");
await db.close();
