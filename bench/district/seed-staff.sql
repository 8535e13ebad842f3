-- The staff side of bench/district's province, for the dashboard's attendance (applied once, on
-- top of seed.sql, by run.ts when no roster is there yet): every host posted at their unit, and
-- every doctor and host on a roster from 1 November 2025, Monday to Saturday 08:00–14:00; a
-- week's casual leave for one in twenty. Their evidence is what seed.sql already holds: the
-- consultations the doctors admitted and the hosts hosted.
update users u set facility_id = md5('facility' || i)::uuid
  from generate_series(1, 3000) i where u.id = md5('host' || i)::uuid;

insert into staff_rosters (id, user_id, effective_from, set_by)
select md5('roster' || u.id)::uuid, u.id, date '2025-11-01', md5('admin' || 0)::uuid
  from users u where u.email like 'bench-doctor-%' or u.email like 'bench-host-%';

insert into staff_roster_shifts (roster_id, weekday, starts_minute, ends_minute)
select r.id, w, 480, 840 from staff_rosters r cross join generate_series(1, 6) w;

insert into staff_leave (user_id, kind, starts_on, ends_on, recorded_by)
select r.user_id, 'casual', date '2026-11-02', date '2026-11-07', md5('admin' || 0)::uuid
  from staff_rosters r where get_byte(decode(md5(r.user_id::text), 'hex'), 0) < 13;

analyze users;
analyze staff_rosters;
analyze staff_roster_shifts;
analyze staff_leave;
