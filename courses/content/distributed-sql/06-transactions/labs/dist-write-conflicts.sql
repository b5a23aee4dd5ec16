SELECT a.txn_id AS aborted, b.txn_id AS winner, wa.k
FROM txns a
JOIN txn_writes wa ON wa.txn_id = a.txn_id
JOIN txn_writes wb ON wb.k = wa.k AND wb.txn_id <> a.txn_id
JOIN txns b ON b.txn_id = wb.txn_id
WHERE b.commit_ts > a.start_ts
  AND b.commit_ts < a.commit_ts
ORDER BY aborted;
