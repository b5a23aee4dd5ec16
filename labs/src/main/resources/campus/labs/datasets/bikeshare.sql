-- @title.en Bike share: stations, bikes, riders and trips
-- @title.zh 共享单车：站点、车辆、骑行者和行程
-- @scale 10000
--
-- Written for Campus. A generator: ${scale} is the number of trips (riders grow with it, stations
-- and bikes are fixed). Every value is arithmetic on the row number, so every load is identical.

CREATE TABLE stations (
  id        INT PRIMARY KEY,
  name      VARCHAR(60) NOT NULL,
  district  VARCHAR(20) NOT NULL,
  capacity  INT NOT NULL,
  opened_on DATE NOT NULL
);

INSERT INTO stations (id, name, district, capacity, opened_on)
SELECT n,
       CONCAT(ARRAY['Harbour', 'Maple', 'Granary', 'Lantern', 'Orchard', 'Quarry', 'Willow', 'Foundry',
                    'Beacon', 'Cedar'][MOD(n * 7, 10) + 1], ' ',
              ARRAY['Street', 'Square', 'Park', 'Gate'][MOD(n, 4) + 1]),
       ARRAY['Old Town', 'Riverside', 'University', 'Docklands', 'Hillside'][MOD(n * 3, 5) + 1],
       10 + MOD(n * 13, 5) * 5,
       DATEADD(DAY, MOD(n * 37, 900), DATE '2019-03-01')
FROM SYSTEM_RANGE(1, 40) AS r (n);

CREATE TABLE bikes (
  id              INT PRIMARY KEY,
  model           VARCHAR(10) NOT NULL,
  commissioned_on DATE NOT NULL
);

INSERT INTO bikes (id, model, commissioned_on)
SELECT n,
       CASE WHEN MOD(n, 10) < 6 THEN 'classic' WHEN MOD(n, 10) < 9 THEN 'electric' ELSE 'cargo' END,
       DATEADD(DAY, MOD(n * 53, 1400), DATE '2019-01-15')
FROM SYSTEM_RANGE(1, 300) AS r (n);

CREATE TABLE riders (
  id         INT PRIMARY KEY,
  plan       VARCHAR(10) NOT NULL,
  birth_year INT,
  joined_on  DATE NOT NULL
);

INSERT INTO riders (id, plan, birth_year, joined_on)
SELECT n,
       CASE MOD(n * 11, 5) WHEN 0 THEN 'annual' WHEN 1 THEN 'monthly' ELSE 'pay-as-go' END,
       CASE WHEN MOD(n, 17) = 0 THEN NULL ELSE 1950 + MOD(n * 29, 56) END,
       DATEADD(DAY, MOD(n * 101, 1800), DATE '2019-03-01')
FROM SYSTEM_RANGE(1, GREATEST(50, ${scale} / 20)) AS r (n);

CREATE TABLE trips (
  id            INT PRIMARY KEY,
  bike_id       INT NOT NULL,
  rider_id      INT,
  start_station INT NOT NULL,
  end_station   INT NOT NULL,
  started_at    TIMESTAMP NOT NULL,
  duration_s    INT NOT NULL,
  distance_m    INT NOT NULL,
  fare          DECIMAL(6, 2) NOT NULL
);

-- rider_id is NULL for one trip in ten: a walk-up rental without an account. Stations are not equally
-- popular: the square root of a uniform value makes station k about (2k - 1) times as busy as station 1.
INSERT INTO trips (id, bike_id, rider_id, start_station, end_station, started_at, duration_s, distance_m, fare)
SELECT n,
       1 + MOD(n * 7919, 300),
       CASE WHEN MOD(n * 31, 10) = 0 THEN NULL ELSE 1 + MOD(n * 104729, GREATEST(50, ${scale} / 20)) END,
       1 + FLOOR(SQRT(MOD(n * 48271, 1600))),
       40 - FLOOR(SQRT(MOD(n * 69621 + n / 1600, 1600))),
       DATEADD(MINUTE, MOD(n * 86028121, 525600), TIMESTAMP '2024-01-01 00:00:00'),
       120 + MOD(n * 1103515245, 3480),
       300 + MOD(n * 69069, 7000),
       CAST(1.00 + (120 + MOD(n * 1103515245, 3480)) / 60 * 0.15 AS DECIMAL(6, 2))
FROM SYSTEM_RANGE(1, ${scale}) AS r (n);

CREATE INDEX trips_started_at ON trips (started_at);

-- Foreign keys come after the data: H2 then builds each key's index once and checks the rows in one pass,
-- instead of maintaining four indexes and four lookups per inserted row (roughly halves the load at 1,000,000 rows).
ALTER TABLE trips ADD FOREIGN KEY (bike_id) REFERENCES bikes (id);
ALTER TABLE trips ADD FOREIGN KEY (rider_id) REFERENCES riders (id);
ALTER TABLE trips ADD FOREIGN KEY (start_station) REFERENCES stations (id);
ALTER TABLE trips ADD FOREIGN KEY (end_station) REFERENCES stations (id);
