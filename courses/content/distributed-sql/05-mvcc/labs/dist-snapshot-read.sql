SELECT v.k, v.val, v.commit_ts
FROM mvcc_versions v
WHERE v.commit_ts = (SELECT MAX(w.commit_ts)
                     FROM mvcc_versions w
                     WHERE w.k = v.k AND w.commit_ts <= 120)
  AND v.op = 'put'
ORDER BY v.k;
