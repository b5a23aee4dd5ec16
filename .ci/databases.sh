#!/usr/bin/env bash
# Installs PostgreSQL and MariaDB from Debian's packages, starts them on loopback, creates the test user and
# database in each, and exports the JDBC URLs the progress server's integration tests read:
#   CAMPUS_TEST_POSTGRES_URL, CAMPUS_TEST_MARIADB_URL
# Idempotent: what is installed, running or created already is left as it is. Needs root (as CI runs).
# Sourced by .ci/run (which sets -euo pipefail); as root a developer can source it too, then run the tests.

campus_db_user=campus_test
campus_db_password=campus_test_pw
campus_db_name=campus_test

missing=()
for p in postgresql mariadb-server; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "ci: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# PostgreSQL: Debian's cluster (created by the package; created here if it is missing), loopback only.
pg_version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$pg_version main"; then
  pg_createcluster "$pg_version" main >/dev/null
fi
if ! pg_lsclusters -h | awk '$1=="'"$pg_version"'" && $2=="main" {print $4}' | grep -qx online; then
  pg_ctlcluster "$pg_version" main start # Debian's cluster listens on localhost only
fi
pg_port="$(pg_lsclusters -h | awk '$1=="'"$pg_version"'" && $2=="main" {print $3}')"
for _ in $(seq 1 30); do
  runuser -u postgres -- pg_isready -q -h 127.0.0.1 -p "$pg_port" && break
  sleep 1
done
psql_admin() { runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -p "$pg_port" "$@"; }
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname='$campus_db_user'")" != 1 ]; then
  psql_admin -c "CREATE ROLE $campus_db_user LOGIN PASSWORD '$campus_db_password'"
fi
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname='$campus_db_name'")" != 1 ]; then
  psql_admin -c "CREATE DATABASE $campus_db_name OWNER $campus_db_user"
fi

# MariaDB: Debian's configuration binds to 127.0.0.1. The test user may create databases named campus_t_….
if ! mariadb-admin ping >/dev/null 2>&1; then
  service mariadb start >/dev/null || { mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld && (mysqld_safe --bind-address=127.0.0.1 >/dev/null 2>&1 &); }
  for _ in $(seq 1 30); do
    mariadb-admin ping >/dev/null 2>&1 && break
    sleep 1
  done
fi
mariadb -e "CREATE DATABASE IF NOT EXISTS $campus_db_name CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
  CREATE USER IF NOT EXISTS '$campus_db_user'@'localhost' IDENTIFIED BY '$campus_db_password';
  CREATE USER IF NOT EXISTS '$campus_db_user'@'127.0.0.1' IDENTIFIED BY '$campus_db_password';
  GRANT ALL PRIVILEGES ON \`$campus_db_name\`.* TO '$campus_db_user'@'localhost', '$campus_db_user'@'127.0.0.1';
  GRANT ALL PRIVILEGES ON \`campus\\_t\\_%\`.* TO '$campus_db_user'@'localhost', '$campus_db_user'@'127.0.0.1';"

export CAMPUS_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$pg_port/$campus_db_name?user=$campus_db_user&password=$campus_db_password"
export CAMPUS_TEST_MARIADB_URL="jdbc:mariadb://127.0.0.1:3306/$campus_db_name?user=$campus_db_user&password=$campus_db_password"
echo "ci: PostgreSQL $pg_version on 127.0.0.1:$pg_port and $(mariadb -N -e 'SELECT VERSION()') on 127.0.0.1:3306 are up"
