// Command ferretdb-launcher runs FerretDB v1.24 embedded in a tiny Go program, on its SQLite backend
// (the default) or on a PostgreSQL server the parent started (-backend postgresql).
//
// The upstream `cmd/ferretdb` binary cannot be `go install`ed (it panics on a git-ignored
// version file), so Brobygning builds this launcher instead. It listens on loopback only,
// prints one JSON line {"uri": "..."} on stdout once the listener is ready (so the parent can
// use port 0 without racing for a free port), and stops cleanly on SIGTERM/SIGINT.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "loopback host:port to listen on (port 0 picks a free one)")
	backend := flag.String("backend", "sqlite", "storage backend: sqlite or postgresql")
	dataDir := flag.String("data-dir", "data/db", "directory holding the SQLite files (sqlite backend)")
	postgresqlURL := flag.String("postgresql-url", "", "PostgreSQL connection string (postgresql backend)")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	exitOnStdinClose := flag.Bool("exit-on-stdin-close", false, "stop when standard input closes (the parent died)")
	flag.Parse()

	if err := run(*listen, *backend, *dataDir, *postgresqlURL, *logLevel, *exitOnStdinClose); err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb-launcher:", err)
		os.Exit(1)
	}
}

func run(listen, backend, dataDir, postgresqlURL, logLevel string, exitOnStdinClose bool) error {
	host, _, err := net.SplitHostPort(listen)
	if err != nil {
		return fmt.Errorf("bad -listen %q: %w", listen, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("refusing to listen on %q: FerretDB runs without authentication, loopback only", host)
	}

	var level slog.Level
	if err = level.UnmarshalText([]byte(logLevel)); err != nil {
		return fmt.Errorf("bad -log-level: %w", err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	config := &ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: listen},
		Handler:  backend,
		Logger:   logger,
	}
	switch backend {
	case "sqlite":
		absDir, err := filepath.Abs(dataDir)
		if err != nil {
			return err
		}
		if err = os.MkdirAll(absDir, 0o700); err != nil {
			return fmt.Errorf("cannot create data directory: %w", err)
		}
		// The SQLite handler wants a directory URI ending in a slash.
		config.SQLiteURL = "file:" + absDir + "/"
	case "postgresql":
		if postgresqlURL == "" {
			return fmt.Errorf("-backend postgresql needs -postgresql-url")
		}
		config.PostgreSQLURL = postgresqlURL
	default:
		return fmt.Errorf("bad -backend %q: sqlite or postgresql", backend)
	}

	f, err := ferretdb.New(config)
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	if exitOnStdinClose {
		// A parent that crashes cannot send SIGTERM, but its end of our stdin closes.
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()

	// MongoDBURI blocks until the TCP listener is bound.
	line, _ := json.Marshal(map[string]string{"uri": f.MongoDBURI()})
	fmt.Println(string(line))

	return <-done
}
