"""The factcheck language server: `factcheck lsp` (see `checker.lsp.server`)."""
