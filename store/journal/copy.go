package journal

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

const copyEntry = `INSERT INTO entries (uid, origin, started_ms, profile, app_id, host, "user", action,
	object_id, object_name, state_before, reason, outcome, error_code, error_subcode, fbtrace_id,
	error_message, state_after, finished_ms, note)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(uid) DO NOTHING`

const selectAllEntries = selectEntries + ` ORDER BY id`

// Copy writes every entry of from into to, oldest first, in one
// transaction, and returns how many were new there. An entry keeps its
// unique uid, so that a second run copies nothing; to's IDs are its own.
// Both are journals this package opened.
func Copy(ctx context.Context, from, to Journal) (copied int, err error) {
	src, ok1 := from.(*Store)
	dst, ok2 := to.(*Store)
	if !ok1 || !ok2 {
		return 0, errors.New("journal: Copy copies between journals that journal.Open or OpenPostgres opened")
	}
	rows, err := src.query(ctx, selectAllEntries)
	if err != nil {
		return 0, fmt.Errorf("copying from %s: %w", src.Where(), err)
	}
	tx, err := dst.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, dst.pg.Err(ctx, fmt.Errorf("copying to %s: %w", dst.Where(), err))
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	stmt, err := tx.PrepareContext(ctx, dst.pg.Rebind(copyEntry))
	if err != nil {
		return 0, dst.pg.Err(ctx, fmt.Errorf("copying to %s: %w", dst.Where(), err))
	}
	defer stmt.Close()
	for _, r := range rows {
		e := r.Entry
		var finished sql.NullInt64
		if !e.Finished.IsZero() {
			finished = sql.NullInt64{Int64: e.Finished.UnixMilli(), Valid: true}
		}
		res, err := stmt.ExecContext(ctx, r.uid, e.Origin, e.Started.UnixMilli(), e.Profile, e.AppID, e.Host, e.User,
			e.Action, e.ObjectID, e.ObjectName, e.StateBefore, e.Reason, string(e.Outcome),
			e.Refusal.Code, e.Refusal.Subcode, e.Refusal.FBTraceID, e.Refusal.Message, e.StateAfter, finished, e.Note)
		if err != nil {
			return 0, dst.pg.Err(ctx, fmt.Errorf("copying entry %d to %s: %w", e.ID, dst.Where(), err))
		}
		if n, err := res.RowsAffected(); err == nil {
			copied += int(n)
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, dst.pg.Err(ctx, fmt.Errorf("copying to %s: %w", dst.Where(), err))
	}
	return copied, nil
}
