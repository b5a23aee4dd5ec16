-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: localhost    Database: cinema
-- ------------------------------------------------------
-- Server version	8.0.36

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
SET @@SESSION.SQL_LOG_BIN= 0;

/* A block comment that ends in a double star, which trips H2's own script reader **/

--
-- Table structure for table `halls`
--

DROP TABLE IF EXISTS `halls`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `halls` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `name` varchar(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci NOT NULL COMMENT 'shown on tickets',
  `seats` smallint(5) unsigned NOT NULL DEFAULT '100',
  `features` set('3d','imax','dolby') DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `name` (`name`)
) ENGINE=InnoDB AUTO_INCREMENT=4 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `halls` WRITE;
/*!40000 ALTER TABLE `halls` DISABLE KEYS */;
INSERT INTO `halls` VALUES (1,'Aurora',120,'3d,dolby'),(2,'Bamboo; the small one',40,NULL),(3,'Comet',300,'imax');
/*!40000 ALTER TABLE `halls` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `screenings`
--

DROP TABLE IF EXISTS `screenings`;
CREATE TABLE `screenings` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `hall_id` int unsigned NOT NULL,
  `title` text NOT NULL,
  `rating` enum('G','PG','PG-13','R') NOT NULL DEFAULT 'PG',
  `starts_at` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  `price` decimal(6,2) NOT NULL,
  `year` year DEFAULT NULL,
  `updated` timestamp NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `name` (`title`(20)),
  KEY `hall_id` (`hall_id`,`starts_at`),
  FULLTEXT KEY `ft_title` (`title`),
  CONSTRAINT `fk_screen_hall` FOREIGN KEY (`hall_id`) REFERENCES `halls` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=6 DEFAULT CHARSET=utf8mb4
/*!50100 PARTITION BY HASH (`id`) PARTITIONS 2 */;

LOCK TABLES `screenings` WRITE;
INSERT INTO `screenings` VALUES (1,1,'It\'s a \"Wonderful\" Life','PG','2024-12-24 18:00:00',9.50,1946,'2024-11-01 10:00:00'),
(2,1,'Back\\slash; and semicolon','PG-13','0000-00-00 00:00:00',12.00,NULL,NULL),(3,2,'Line\nbreak','R','2024-12-25 21:30:00',11.25,2001,NULL);
INSERT INTO `screenings` VALUES (4,3,'Comet rising','G','2024-12-26 10:00:00',7.00,2023,NULL),(5,3,'Émigré – ünïcode 电影','PG','2024-12-27 20:00:00',13.75,2024,NULL);
UNLOCK TABLES;

DROP TABLE IF EXISTS `tickets`;
CREATE TABLE `tickets` (
  `screening_id` bigint NOT NULL,
  `seat` varchar(4) NOT NULL,
  `sold_at` date NOT NULL DEFAULT '0000-00-00',
  `paid` tinyint(1) NOT NULL DEFAULT '0',
  PRIMARY KEY (`screening_id`,`seat`),
  KEY `name` (`seat`),
  CONSTRAINT `fk_ticket_screening` FOREIGN KEY (`screening_id`) REFERENCES `screenings` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=latin1 ROW_FORMAT=DYNAMIC;

LOCK TABLES `tickets` WRITE;
INSERT INTO `tickets` VALUES (1,'A1','2024-12-01',1),(1,'A2','0000-00-00',0),(2,'B7','2024-12-02',1),(5,'C3','2024-12-20',1);
UNLOCK TABLES;

--
-- Dumping routines for database 'cinema'
--
/*!50003 DROP PROCEDURE IF EXISTS `refund_all` */;
DELIMITER ;;
CREATE DEFINER=`root`@`localhost` PROCEDURE `refund_all`(IN sid BIGINT)
BEGIN
  UPDATE tickets SET paid = 0 WHERE screening_id = sid;
  SELECT COUNT(*) FROM tickets WHERE screening_id = sid;
END ;;
DELIMITER ;
DELIMITER ;;
/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER `ticket_sold` BEFORE INSERT ON `tickets` FOR EACH ROW SET NEW.sold_at = CURDATE() */;;
DELIMITER ;

/*!50001 DROP VIEW IF EXISTS `busy_halls`*/;
/*!50001 CREATE ALGORITHM=UNDEFINED */
/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */
/*!50001 VIEW `busy_halls` AS select `hall_id` AS `hall_id`,count(0) AS `n` from `screenings` group by `hall_id` */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
-- Dump completed on 2024-12-28 12:00:00
