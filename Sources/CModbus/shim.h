#ifndef CUSTODYD_CMODBUS_SHIM_H
#define CUSTODYD_CMODBUS_SHIM_H

#include <modbus/modbus.h>
#include <errno.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <termios.h>

/* libmodbus's EMB* error codes are macros over an enum Swift cannot see;
   expose them as constants (libmodbus 3.1.6, modbus.h). */
static const int cmodbus_EMBXILFUN = MODBUS_ENOBASE + 1;
static const int cmodbus_EMBXILADD = MODBUS_ENOBASE + 2;
static const int cmodbus_EMBXILVAL = MODBUS_ENOBASE + 3;
static const int cmodbus_EMBXSFAIL = MODBUS_ENOBASE + 4;
static const int cmodbus_EMBXACK = MODBUS_ENOBASE + 5;
static const int cmodbus_EMBXSBUSY = MODBUS_ENOBASE + 6;
static const int cmodbus_EMBXNACK = MODBUS_ENOBASE + 7;
static const int cmodbus_EMBXMEMPAR = MODBUS_ENOBASE + 8;
static const int cmodbus_EMBXGPATH = MODBUS_ENOBASE + 10;
static const int cmodbus_EMBXGTAR = MODBUS_ENOBASE + 11;
static const int cmodbus_EMBBADCRC = MODBUS_ENOBASE + 12;
static const int cmodbus_EMBBADDATA = MODBUS_ENOBASE + 13;
static const int cmodbus_EMBBADEXC = MODBUS_ENOBASE + 14;
static const int cmodbus_EMBUNKEXC = MODBUS_ENOBASE + 15;
static const int cmodbus_EMBMDATA = MODBUS_ENOBASE + 16;
static const int cmodbus_EMBBADSLAVE = MODBUS_ENOBASE + 17;

/* errno is a macro on glibc; read it on the calling thread right after the call. */
static inline int cmodbus_errno(void) { return errno; }
static inline void cmodbus_clear_errno(void) { errno = 0; }

/* Serial ports: one owner per bus. flock is the lock pyserial (and so pymodbus) honours; TIOCEXCL
   keeps other non-root openers out. ioctl is variadic, which Swift cannot call. */
static inline int cmodbus_lock_port(int fd) { return flock(fd, LOCK_EX | LOCK_NB); }
static inline int cmodbus_set_exclusive(int fd) { return ioctl(fd, TIOCEXCL); }

/* Pseudo-terminals for RTU simulators; glibc hides these without _XOPEN_SOURCE/_GNU_SOURCE. */
#include <stddef.h>
extern int posix_openpt(int flags);
extern int grantpt(int fd);
extern int unlockpt(int fd);
extern int ptsname_r(int fd, char *buf, size_t buflen);
static inline int cmodbus_posix_openpt(int flags) { return posix_openpt(flags); }
static inline int cmodbus_grantpt(int fd) { return grantpt(fd); }
static inline int cmodbus_unlockpt(int fd) { return unlockpt(fd); }
static inline int cmodbus_ptsname_r(int fd, char *buf, size_t len) { return ptsname_r(fd, buf, len); }

#endif
