SELECT v.k, v.commit_ts, v.op
FROM mvcc_versions v
WHERE v.commit_ts <= 125
  AND (v.op = 'delete'
       OR v.commit_ts < (SELECT MAX(w.commit_ts)
                         FROM mvcc_versions w
                         WHERE w.k = v.k AND w.commit_ts <= 125))
ORDER BY v.k, v.commit_ts;
